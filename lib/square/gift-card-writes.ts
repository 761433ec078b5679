import "server-only";
import type { SquareClient } from "square";
import { orNotFound, callSquare } from "./errors";
import { reshapeGiftCard } from "./gift-cards";
import type { GiftCard } from "./types";

/** RetrieveGiftCardFromGAN; null when the seller has no gift card with that number. */
export async function findGiftCardByGan(client: SquareClient, gan: string): Promise<GiftCard | null> {
  return orNotFound(async () => {
    const res = await callSquare(() => client.giftCards.getFromGan({ gan }));
    return res.giftCard ? reshapeGiftCard(res.giftCard) : null;
  });
}

/** LinkCustomerToGiftCard: the gift card is on file for the customer (it may be linked to others too). */
export async function linkGiftCard(client: SquareClient, giftCardId: string, customerId: string): Promise<GiftCard> {
  const res = await callSquare(() => client.giftCards.linkCustomer({ giftCardId, customerId }));
  if (!res.giftCard?.id) throw new Error("LinkCustomerToGiftCard returned no gift card.");
  return reshapeGiftCard(res.giftCard);
}

/** UnlinkCustomerFromGiftCard: the card stays valid; it is just no longer on file for this customer. */
export async function unlinkGiftCard(client: SquareClient, giftCardId: string, customerId: string): Promise<GiftCard> {
  const res = await callSquare(() => client.giftCards.unlinkCustomer({ giftCardId, customerId }));
  if (!res.giftCard?.id) throw new Error("UnlinkCustomerFromGiftCard returned no gift card.");
  return reshapeGiftCard(res.giftCard);
}
