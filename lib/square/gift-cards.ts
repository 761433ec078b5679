import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { moneyFromWire } from "./money";
import type { GiftCard, RawObject, SquarePage } from "./types";
import { rawObject, toRaw } from "./wire";
import { requestWire } from "./wire-request";

/** A gift card in Square's wire form as Patron keeps it (`raw` is that object itself). */
export function giftCardFromWire(g: serialization.GiftCard.Raw): GiftCard {
  return {
    id: g.id ?? "",
    gan: g.gan ?? null,
    type: g.type,
    state: g.state ?? null,
    balance: moneyFromWire(g.balance_money),
    createdAt: g.created_at ?? null,
    customerIds: g.customer_ids ?? [],
    raw: rawObject(g),
  };
}

/** A gift card the SDK returned. */
export const reshapeGiftCard = (g: Square.GiftCard): GiftCard => giftCardFromWire(toRaw(serialization.GiftCard, g));

export interface ListGiftCardsParams {
  cursor?: string | null;
  type?: string;
  state?: string;
  customerId?: string;
  limit?: number;
}

/** One page of ListGiftCards (oldest first; up to 200 a page), read as wire JSON (wire-request.ts). */
export async function listGiftCards(client: SquareClient, params: ListGiftCardsParams = {}): Promise<SquarePage<GiftCard>> {
  const page = await requestWire<serialization.ListGiftCardsResponse.Raw>(client, "/v2/gift-cards", {
    method: "GET",
    query: { cursor: params.cursor ?? undefined, type: params.type, state: params.state, customer_id: params.customerId, limit: params.limit ?? 200 },
  });
  return { items: (page.gift_cards ?? []).map(giftCardFromWire), cursor: page.cursor ?? null };
}

/** RetrieveGiftCard; null when Square does not know it. */
export async function getGiftCard(client: SquareClient, id: string): Promise<GiftCard | null> {
  return orNotFound(async () => {
    const res = await callSquare(() => client.giftCards.get({ id }));
    return res.giftCard ? reshapeGiftCard(res.giftCard) : null;
  });
}
