import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { toSafeNumber } from "./money";
import type { Card, RawObject, SquarePage } from "./types";
import { rawObject, toRaw } from "./wire";
import { requestWire } from "./wire-request";

/** A card on file in Square's wire form as Patron keeps it (`raw` is that object itself). */
export function cardFromWire(c: serialization.Card.Raw): Card {
  return {
    id: c.id ?? "",
    customerId: c.customer_id ?? null,
    cardBrand: c.card_brand ?? null,
    last4: c.last_4 ?? null,
    expMonth: c.exp_month == null ? null : toSafeNumber(c.exp_month),
    expYear: c.exp_year == null ? null : toSafeNumber(c.exp_year),
    cardholderName: c.cardholder_name ?? null,
    fingerprint: c.fingerprint ?? null,
    cardType: c.card_type ?? null,
    bin: c.bin ?? null,
    referenceId: c.reference_id ?? null,
    enabled: c.enabled ?? false,
    version: c.version == null ? 0 : toSafeNumber(c.version),
    createdAt: c.created_at ?? null,
    disabledAt: c.disabled_at ?? null,
    raw: rawObject(c),
  };
}

/** A card the SDK returned. */
export const reshapeCard = (c: Square.Card): Card => cardFromWire(toRaw(serialization.Card, c));

export interface ListCardsParams {
  cursor?: string | null;
  /** Merged-group aware at Square: the old and the surviving id find the same cards. */
  customerId?: string;
  /** Only cards created with this reference_id (Patron sets one per save attempt). */
  referenceId?: string;
}

/** One page of ListCards (Square's fixed 25), disabled cards included, oldest first; read as wire JSON (wire-request.ts). */
export async function listCards(client: SquareClient, params: ListCardsParams = {}): Promise<SquarePage<Card>> {
  const page = await requestWire<serialization.ListCardsResponse.Raw>(client, "/v2/cards", {
    method: "GET",
    query: { cursor: params.cursor ?? undefined, customer_id: params.customerId, reference_id: params.referenceId, include_disabled: true, sort_order: "ASC" },
  });
  return { items: (page.cards ?? []).map(cardFromWire), cursor: page.cursor ?? null };
}

/** RetrieveCard; null when Square does not know it. */
export async function getCard(client: SquareClient, cardId: string): Promise<Card | null> {
  return orNotFound(async () => {
    const res = await callSquare(() => client.cards.get({ cardId }));
    return res.card ? reshapeCard(res.card) : null;
  });
}
