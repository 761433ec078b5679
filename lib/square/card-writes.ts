import "server-only";
import type { SquareClient } from "square";
import { reshapeCard } from "./cards";
import { callSquare } from "./errors";
import type { Card } from "./types";

// Cards on file go through the Cards API (CreateCard, DisableCard), which replaces the deprecated
// CreateCustomerCard and DeleteCustomerCard; Patron never calls those.

export interface CreateCardParams {
  /** At most 45 characters. */
  idempotencyKey: string;
  /** A card payment token from the Web Payments SDK (tokenized with intent STORE), or the id of an earlier card payment. */
  sourceId: string;
  customerId: string;
  /** The billing postal code the card was entered with; Square checks it against the token's. */
  postalCode?: string | null;
  cardholderName?: string | null;
  /** Stored on the card, so a retry can find the card an earlier try made (ListCards reference_id). */
  referenceId?: string | null;
}

/** CreateCard: the card becomes a card on file of the customer. */
export async function createCardOnFile(client: SquareClient, params: CreateCardParams): Promise<Card> {
  const res = await callSquare(() =>
    client.cards.create({
      idempotencyKey: params.idempotencyKey,
      sourceId: params.sourceId,
      card: {
        customerId: params.customerId,
        cardholderName: params.cardholderName ?? undefined,
        referenceId: params.referenceId ?? undefined,
        ...(params.postalCode ? { billingAddress: { postalCode: params.postalCode } } : {}),
      },
    }),
  );
  if (!res.card?.id) throw new Error("CreateCard returned no card.");
  return reshapeCard(res.card);
}

/** DisableCard: the card can no longer be charged (Square allows disabling twice; it changes nothing). */
export async function disableCardOnFile(client: SquareClient, cardId: string): Promise<Card> {
  const res = await callSquare(() => client.cards.disable({ cardId }));
  if (!res.card?.id) throw new Error("DisableCard returned no card.");
  return reshapeCard(res.card);
}
