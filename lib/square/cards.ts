import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { toSafeNumber } from "./money";
import type { Card, SquarePage } from "./types";
import { toRaw } from "./wire";

export function reshapeCard(c: Square.Card): Card {
  return {
    id: c.id ?? "",
    customerId: c.customerId ?? null,
    cardBrand: c.cardBrand ?? null,
    last4: c.last4 ?? null,
    expMonth: c.expMonth == null ? null : toSafeNumber(c.expMonth),
    expYear: c.expYear == null ? null : toSafeNumber(c.expYear),
    cardholderName: c.cardholderName ?? null,
    fingerprint: c.fingerprint ?? null,
    cardType: c.cardType ?? null,
    bin: c.bin ?? null,
    referenceId: c.referenceId ?? null,
    enabled: c.enabled ?? false,
    version: c.version === undefined ? 0 : toSafeNumber(c.version),
    createdAt: c.createdAt ?? null,
    disabledAt: c.disabledAt ?? null,
    raw: toRaw(serialization.Card, c),
  };
}

export interface ListCardsParams {
  cursor?: string | null;
  /** Merged-group aware at Square: the old and the surviving id find the same cards. */
  customerId?: string;
  /** Only cards created with this reference_id (Patron sets one per save attempt). */
  referenceId?: string;
}

/** One page of ListCards (Square's fixed 25), disabled cards included, oldest first. */
export async function listCards(client: SquareClient, params: ListCardsParams = {}): Promise<SquarePage<Card>> {
  const page = await callSquare(() =>
    client.cards.list({ cursor: params.cursor ?? undefined, customerId: params.customerId, referenceId: params.referenceId, includeDisabled: true, sortOrder: "ASC" }),
  );
  return { items: page.data.map(reshapeCard), cursor: page.response.cursor ?? null };
}

/** RetrieveCard; null when Square does not know it. */
export async function getCard(client: SquareClient, cardId: string): Promise<Card | null> {
  return orNotFound(async () => {
    const res = await callSquare(() => client.cards.get({ cardId }));
    return res.card ? reshapeCard(res.card) : null;
  });
}
