import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { money } from "../payments/seller-checks";
import { tables } from "../tables";
import { emitGiftCard } from "./gift-cards";
import { emitActivity, recordActivity } from "./ledger";

/** Why a gift card cannot pay this amount (Square's decline code), or undefined if it can. */
export function giftCardDecline(card: Square.GiftCard, amount: bigint): { code: string; detail: string } | undefined {
  if (card.state !== "ACTIVE") return { code: "INVALID_CARD", detail: `The gift card is ${card.state}.` };
  if (card.balanceMoney!.amount! < amount) return { code: "INSUFFICIENT_FUNDS", detail: "The gift card balance is too low for this payment." };
  return undefined;
}

/**
 * Takes a payment's amount off a gift card with a REDEEM activity carrying the payment id, as
 * Square does for CreatePayment with a gift card. A delayed-capture payment holds the money with
 * a PENDING redemption that its completion or cancellation later settles.
 */
export function redeemForPayment(
  ctx: EmulatorContext,
  merchantId: string,
  card: Square.GiftCard,
  payment: { id: string; amount: Square.Money; locationId: string; pending: boolean },
): Square.GiftCardActivity {
  return recordActivity(
    ctx,
    merchantId,
    card,
    {
      type: "REDEEM",
      locationId: payment.locationId,
      redeemActivityDetails: { amountMoney: payment.amount, paymentId: payment.id, status: payment.pending ? "PENDING" : "COMPLETED" },
    },
    { balance: card.balanceMoney!.amount! - payment.amount.amount! },
  ).activity;
}

/** Completes or cancels a payment's PENDING redemption; cancelling gives the held money back. */
export function settleRedemption(ctx: EmulatorContext, merchantId: string, paymentId: string, outcome: "COMPLETED" | "CANCELED") {
  const t = tables(ctx.store);
  for (const activity of t.giftCardActivities.values(merchantId)) {
    const details = activity.redeemActivityDetails;
    if (details?.paymentId !== paymentId || details.status !== "PENDING") continue;
    const settled: Square.GiftCardActivity = { ...activity, redeemActivityDetails: { ...details, status: outcome } };
    t.giftCardActivities.put(merchantId, activity.id!, settled);
    emitActivity(ctx, merchantId, "gift_card.activity.updated", settled);
    if (outcome === "CANCELED") {
      const card = t.giftCards.get(merchantId, activity.giftCardId!)!;
      const balance = money(card.balanceMoney!.amount! + details.amountMoney.amount!, card.balanceMoney!.currency!);
      const restored = t.giftCards.put(merchantId, card.id!, { ...card, balanceMoney: balance });
      emitGiftCard(ctx, merchantId, "gift_card.updated", restored);
    }
    return;
  }
}
