import type { Scope } from "@/lib/auth/scopes";
import type { SyncStreamName } from "@/lib/db/schema";

/** The scope each stream reads with; a stream the seller did not allow is skipped, not failed. */
export const STREAM_SCOPES: Record<SyncStreamName, Scope> = {
  customers: "CUSTOMERS_READ",
  cards: "PAYMENTS_READ",
  gift_cards: "GIFTCARDS_READ",
  orders: "ORDERS_READ",
  payments: "PAYMENTS_READ",
};
