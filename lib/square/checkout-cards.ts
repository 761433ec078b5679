import "server-only";
import type { SquareClient } from "square";
import { reshapeCard } from "./cards";
import { callSquare } from "./errors";
import type { Card } from "./types";

export interface SaveCardParams {
  idempotencyKey: string;
  /** The completed card payment whose card becomes the card on file. */
  paymentId: string;
  customerId: string;
  verificationToken?: string;
  cardholderName: string | null;
}

/** CreateCard from a payment id: the card the buyer just paid with, saved to their profile. */
export async function saveCardFromPayment(client: SquareClient, params: SaveCardParams): Promise<Card> {
  const res = await callSquare(() =>
    client.cards.create({
      idempotencyKey: params.idempotencyKey,
      sourceId: params.paymentId,
      verificationToken: params.verificationToken,
      card: { customerId: params.customerId, cardholderName: params.cardholderName ?? undefined },
    }),
  );
  if (!res.card?.id) throw new Error("CreateCard returned no card.");
  return reshapeCard(res.card);
}
