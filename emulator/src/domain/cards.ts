import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { remembered } from "../http/result-cache";
import { schemas, toWire } from "../http/wire";
import { ids } from "../ids";
import { retrieveCustomer } from "./customers";
import type { CardFacts } from "./payment-tokens";
import { tables } from "./tables";

export type CardEventType = "card.created" | "card.disabled" | "card.automatically_updated";

/** What the caller of CreateCard (or CreateCustomerCard) says about the card being stored. */
export interface CardOnFileInput {
  customerId: string;
  cardholderName?: string | null;
  billingAddress?: Square.Address;
  referenceId?: string | null;
}

/** Follows merge aliases (old id → surviving id) to the profile that still exists. */
export function survivingCustomerId(ctx: EmulatorContext, merchantId: string, customerId: string): string {
  const aliases = tables(ctx.store).customerAliases;
  let current = customerId;
  // A bounded walk: merges can chain (A+B → C, C+D → E), never loop.
  for (let hop = 0; hop < 32; hop++) {
    const next = aliases.get(merchantId, current);
    if (!next || next === current) break;
    current = next;
  }
  return current;
}

/** The existing customer a card may be stored for (merged-away ids resolve to the survivor). */
export const findCustomer = retrieveCustomer;

/** Stores a new enabled card on file (version 1) and raises `card.created`. */
export function storeCard(ctx: EmulatorContext, merchantId: string, facts: CardFacts, input: CardOnFileInput): Square.Card {
  const card: Square.Card = {
    id: ids.card(),
    cardBrand: facts.brand,
    last4: facts.last4,
    expMonth: BigInt(facts.expMonth),
    expYear: BigInt(facts.expYear),
    ...((input.cardholderName ?? facts.cardholderName) ? { cardholderName: input.cardholderName ?? facts.cardholderName } : {}),
    billingAddress: input.billingAddress ?? (facts.postalCode ? { postalCode: facts.postalCode } : undefined),
    fingerprint: facts.fingerprint,
    customerId: input.customerId,
    merchantId,
    ...(input.referenceId ? { referenceId: input.referenceId } : {}),
    enabled: true,
    cardType: facts.cardType,
    prepaidType: facts.prepaidType,
    bin: facts.bin,
    createdAt: ctx.clock.iso(),
    version: 1n,
  };
  tables(ctx.store).cards.put(merchantId, card.id!, card);
  emitCardEvent(ctx, merchantId, "card.created", card);
  return card;
}

/** Disables a card once: later calls return it unchanged, with no new version and no event. */
export function disableCard(ctx: EmulatorContext, merchantId: string, card: Square.Card): Square.Card {
  if (!card.enabled) return card;
  const disabled: Square.Card = { ...card, enabled: false, disabledAt: ctx.clock.iso(), version: (card.version ?? 1n) + 1n };
  tables(ctx.store).cards.put(merchantId, card.id!, disabled);
  emitCardEvent(ctx, merchantId, "card.disabled", disabled);
  return disabled;
}

export const cardToWire = (card: Square.Card) => toWire(schemas.Card, card);

export function emitCardEvent(ctx: EmulatorContext, merchantId: string, type: CardEventType, card: Square.Card) {
  ctx.events.emit({ merchantId, type, dataType: "card", objectId: card.id!, object: { card: cardToWire(card) } });
}

export interface CardQuery {
  customerId?: string;
  includeDisabled: boolean;
  referenceId?: string;
  sortOrder: "ASC" | "DESC";
}

/**
 * ListCards' filter. A customer filter covers the whole merged group: a card keeps the customer id
 * it was stored under, and it is listed under that id, the surviving id, or any other merged id.
 */
export function listCards(ctx: EmulatorContext, merchantId: string, query: CardQuery): Square.Card[] {
  const t = tables(ctx.store);
  // Remembered until the seller's cards or merges change, so paging through costs only the page.
  const version = `${t.cards.stamp(merchantId)}:${t.customerAliases.stamp(merchantId)}`;
  return remembered(ctx.store, `ListCards\u0000${merchantId}\u0000${JSON.stringify(query)}`, version, () => matchingCards(ctx, merchantId, query));
}

function matchingCards(ctx: EmulatorContext, merchantId: string, query: CardQuery): Square.Card[] {
  const group = query.customerId ? survivingCustomerId(ctx, merchantId, query.customerId) : undefined;
  const cards = [...tables(ctx.store).cards.values(merchantId)].filter(
    (card) =>
      (query.includeDisabled || card.enabled) &&
      (query.referenceId === undefined || card.referenceId === query.referenceId) &&
      (group === undefined || (!!card.customerId && survivingCustomerId(ctx, merchantId, card.customerId) === group)),
  );
  return query.sortOrder === "DESC" ? cards.reverse() : cards;
}
