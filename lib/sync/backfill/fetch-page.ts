import "server-only";
import type { SyncStreamName } from "@/lib/db/schema";
import { listCards } from "@/lib/square/cards";
import type { SquareClient } from "@/lib/square/client";
import { searchCustomers } from "@/lib/square/customers";
import { listGiftCards } from "@/lib/square/gift-cards";
import { searchOrders } from "@/lib/square/orders";
import { listPayments } from "@/lib/square/payments";
import type { Card, CustomerRecord, GiftCard, Order, Payment, SquarePage } from "@/lib/square/types";
import type { Partition } from "./partitions";

export type StreamObject = CustomerRecord | Card | GiftCard | Order | Payment;

/** One page of a partition, from its cursor (or from `startAt` when it has none). */
export function fetchPage(client: SquareClient, stream: SyncStreamName, p: Partition, startAt = p.startAt): Promise<SquarePage<StreamObject>> {
  const cursor = p.cursor;
  switch (stream) {
    case "customers":
      return searchCustomers(client, { createdAt: { startAt, endAt: p.endAt }, sortCreatedAtAsc: true, cursor, limit: 100 });
    case "cards":
      return listCards(client, { cursor });
    case "gift_cards":
      return listGiftCards(client, { cursor, type: p.type, state: p.state, limit: 200 });
    case "orders":
      return searchOrders(client, { locationIds: p.locationIds ?? [], field: "CREATED_AT", startAt, endAt: p.endAt, sortOrder: "ASC", cursor, limit: 1000 });
    case "payments":
      return listPayments(client, { locationId: p.locationId ?? "", beginTime: startAt ?? p.startAt!, endTime: p.endAt, sortField: "CREATED_AT", sortOrder: "ASC", cursor });
  }
}

/** Where an object sits in its partition's order: its creation time. */
export const createdMs = (o: StreamObject): number | null => (o.createdAt ? Date.parse(o.createdAt) : null);
