import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { schemas, toWire } from "../../http/wire";
import { ids } from "../../ids";
import { money, sellerCurrency } from "../payments/seller-checks";
import { tables } from "../tables";

/** Custom GANs: 8–20 letters and digits, not starting like a Visa, Mastercard, Amex, Discover or JCB number. */
const CUSTOM_GAN = /^[A-Za-z0-9]{8,20}$/;
const CARD_NETWORK_PREFIX = /^(4|5[1-5]|2[2-7]|3[47]|35|6011|65)/;
const SQUARE_GAN = /^778332\d{10}$/;

export interface NewGiftCard {
  type: Square.GiftCardType;
  ganSource?: Square.GiftCardGanSource;
  gan?: string | null;
}

export function getGiftCard(ctx: EmulatorContext, merchantId: string, id: string): Square.GiftCard {
  const card = tables(ctx.store).giftCards.get(merchantId, id);
  if (!card) throw errors.notFound(`Gift card \`${id}\` not found.`);
  return card;
}

export function findGiftCardByGan(ctx: EmulatorContext, merchantId: string, gan: string): Square.GiftCard | undefined {
  for (const card of tables(ctx.store).giftCards.values(merchantId)) if (card.gan === gan) return card;
  return undefined;
}

/** CreateGiftCard: a PENDING card with a zero balance; balances only move through activities. */
export function createGiftCard(ctx: EmulatorContext, merchantId: string, input: NewGiftCard): Square.GiftCard {
  const ganSource = input.ganSource ?? "SQUARE";
  const gan = input.gan ?? undefined;
  if (ganSource === "OTHER") {
    if (!gan) throw errors.missing("gift_card.gan");
    if (!CUSTOM_GAN.test(gan))
      throw errors.badRequest("VALUE_REGEX_MISMATCH", "A custom GAN must be 8 to 20 letters and digits.", "gift_card.gan");
    if (CARD_NETWORK_PREFIX.test(gan))
      throw errors.badRequest("INVALID_VALUE", "A custom GAN must not begin with a card network's BIN.", "gift_card.gan");
  } else if (gan !== undefined) {
    // Square-issued GANs are only typed in when registering a printed physical card.
    if (input.type !== "PHYSICAL")
      throw errors.badRequest("INVALID_VALUE", "Only PHYSICAL gift cards can be registered with a Square-issued GAN.", "gift_card.gan");
    if (!SQUARE_GAN.test(gan)) throw errors.badRequest("INVALID_VALUE", "Not a Square-issued GAN.", "gift_card.gan");
  }
  if (gan !== undefined && findGiftCardByGan(ctx, merchantId, gan))
    throw errors.conflict("CONFLICT", "A gift card with this GAN already exists.", "gift_card.gan");

  const card: Square.GiftCard = {
    id: ids.giftCard(),
    type: input.type,
    ganSource,
    state: "PENDING",
    balanceMoney: money(0n, sellerCurrency(ctx, merchantId)),
    gan: gan ?? unusedSquareGan(ctx, merchantId),
    createdAt: ctx.clock.iso(),
    customerIds: [],
  };
  tables(ctx.store).giftCards.put(merchantId, card.id!, card);
  emitGiftCard(ctx, merchantId, "gift_card.created", card);
  return card;
}

/** LinkCustomerToGiftCard / UnlinkCustomerFromGiftCard; linking twice or unlinking a stranger changes nothing. */
export function setCustomerLink(ctx: EmulatorContext, merchantId: string, id: string, customerId: string, linked: boolean): Square.GiftCard {
  const card = getGiftCard(ctx, merchantId, id);
  const t = tables(ctx.store);
  if (!t.customers.get(merchantId, customerId) && !t.customerAliases.get(merchantId, customerId))
    throw errors.notFound(`Customer \`${customerId}\` not found.`, "customer_id");
  const current = card.customerIds ?? [];
  if (current.includes(customerId) === linked) return card;
  const updated: Square.GiftCard = { ...card, customerIds: linked ? [...current, customerId] : current.filter((c) => c !== customerId) };
  t.giftCards.put(merchantId, id, updated);
  const wire = giftCardWire(updated);
  ctx.events.emit({
    merchantId,
    type: linked ? "gift_card.customer_linked" : "gift_card.customer_unlinked",
    dataType: "gift_card",
    objectId: id,
    object: { gift_card: wire, [linked ? "linked_customer_id" : "unlinked_customer_id"]: customerId },
  });
  emitGiftCard(ctx, merchantId, "gift_card.updated", updated);
  return updated;
}

export const giftCardWire = (card: Square.GiftCard) => toWire(schemas.GiftCard, card) as Record<string, unknown>;

export function emitGiftCard(ctx: EmulatorContext, merchantId: string, type: "gift_card.created" | "gift_card.updated", card: Square.GiftCard) {
  ctx.events.emit({ merchantId, type, dataType: "gift_card", objectId: card.id!, object: { gift_card: giftCardWire(card) } });
}

function unusedSquareGan(ctx: EmulatorContext, merchantId: string): string {
  for (;;) {
    const gan = ids.squareGan();
    if (!findGiftCardByGan(ctx, merchantId, gan)) return gan;
  }
}
