import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { schemas, toWire } from "../../http/wire";
import { ids } from "../../ids";
import { money } from "../payments/seller-checks";
import { tables } from "../tables";
import { emitGiftCard } from "./gift-cards";

export interface BalanceChange {
  balance: bigint;
  state?: Square.GiftCardStatus;
}

/**
 * The one place a gift card's balance or state changes: an activity is written with the balance
 * it leaves behind, the card follows, and both webhooks are raised.
 */
export function recordActivity(
  ctx: EmulatorContext,
  merchantId: string,
  card: Square.GiftCard,
  activity: Omit<Square.GiftCardActivity, "id" | "createdAt" | "giftCardId" | "giftCardGan" | "giftCardBalanceMoney">,
  change: BalanceChange,
): { activity: Square.GiftCardActivity; card: Square.GiftCard } {
  const t = tables(ctx.store);
  const currency = card.balanceMoney!.currency!;
  const recorded: Square.GiftCardActivity = {
    ...activity,
    id: ids.giftCardActivity(),
    createdAt: ctx.clock.iso(),
    giftCardId: card.id,
    giftCardGan: card.gan,
    giftCardBalanceMoney: money(change.balance, currency),
  };
  const updated: Square.GiftCard = { ...card, balanceMoney: money(change.balance, currency), state: change.state ?? card.state };
  t.giftCardActivities.put(merchantId, recorded.id!, recorded);
  t.giftCards.put(merchantId, card.id!, updated);
  emitActivity(ctx, merchantId, "gift_card.activity.created", recorded);
  emitGiftCard(ctx, merchantId, "gift_card.updated", updated);
  return { activity: recorded, card: updated };
}

export const activityWire = (activity: Square.GiftCardActivity) => toWire(schemas.GiftCardActivity, activity) as Record<string, unknown>;

export function emitActivity(
  ctx: EmulatorContext,
  merchantId: string,
  type: "gift_card.activity.created" | "gift_card.activity.updated",
  activity: Square.GiftCardActivity,
) {
  ctx.events.emit({ merchantId, type, dataType: "gift_card_activity", objectId: activity.id!, object: { gift_card_activity: activityWire(activity) } });
}
