import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { toMoney } from "./money";
import type { GiftCard, SquarePage } from "./types";
import { toRaw } from "./wire";

export function reshapeGiftCard(g: Square.GiftCard): GiftCard {
  return {
    id: g.id ?? "",
    gan: g.gan ?? null,
    type: g.type,
    state: g.state ?? null,
    balance: toMoney(g.balanceMoney),
    createdAt: g.createdAt ?? null,
    customerIds: g.customerIds ?? [],
    raw: toRaw(serialization.GiftCard, g),
  };
}

export interface ListGiftCardsParams {
  cursor?: string | null;
  type?: string;
  state?: string;
  customerId?: string;
  limit?: number;
}

/** One page of ListGiftCards (oldest first; up to 200 a page). */
export async function listGiftCards(client: SquareClient, params: ListGiftCardsParams = {}): Promise<SquarePage<GiftCard>> {
  const page = await callSquare(() =>
    client.giftCards.list({ cursor: params.cursor ?? undefined, type: params.type, state: params.state, customerId: params.customerId, limit: params.limit ?? 200 }),
  );
  return { items: page.data.map(reshapeGiftCard), cursor: page.response.cursor ?? null };
}

/** RetrieveGiftCard; null when Square does not know it. */
export async function getGiftCard(client: SquareClient, id: string): Promise<GiftCard | null> {
  return orNotFound(async () => {
    const res = await callSquare(() => client.giftCards.get({ id }));
    return res.giftCard ? reshapeGiftCard(res.giftCard) : null;
  });
}
