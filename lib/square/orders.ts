import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { moneyFromWire, toSafeNumber } from "./money";
import type { Order, OrderTender, RawObject, SquarePage } from "./types";
import { rawObject, toRaw } from "./wire";
import { requestWire } from "./wire-request";

/** An order in Square's wire form as Patron keeps it (`raw` is that object itself). */
export function orderFromWire(o: serialization.Order.Raw): Order {
  return {
    id: o.id ?? "",
    locationId: o.location_id ?? null,
    customerId: o.customer_id ?? null,
    state: o.state ?? null,
    sourceName: o.source?.name ?? null,
    referenceId: o.reference_id ?? null,
    total: moneyFromWire(o.total_money),
    totalTax: moneyFromWire(o.total_tax_money),
    totalDiscount: moneyFromWire(o.total_discount_money),
    totalTip: moneyFromWire(o.total_tip_money),
    netAmountDue: moneyFromWire(o.net_amount_due_money),
    version: o.version == null ? null : toSafeNumber(o.version),
    createdAt: o.created_at ?? null,
    updatedAt: o.updated_at ?? null,
    closedAt: o.closed_at ?? null,
    lineItems: (o.line_items ?? []).map((l, i) => ({
      uid: l.uid ?? `line-${i}`,
      name: l.name ?? null,
      variationName: l.variation_name ?? null,
      itemType: l.item_type ?? null,
      quantity: l.quantity,
      basePrice: moneyFromWire(l.base_price_money),
      total: moneyFromWire(l.total_money),
    })),
    tenders: (o.tenders ?? []).map(tenderFromWire),
    raw: rawObject(o),
  };
}

/** An order the SDK returned. */
export const reshapeOrder = (o: Square.Order): Order => orderFromWire(toRaw(serialization.Order, o));

function tenderFromWire(t: serialization.Tender.Raw): OrderTender {
  return {
    id: t.id ?? t.payment_id ?? "",
    paymentId: t.payment_id ?? t.id ?? null,
    type: t.type,
    customerId: t.customer_id ?? null,
    amount: moneyFromWire(t.amount_money),
    tip: moneyFromWire(t.tip_money),
    cardBrand: t.card_details?.card?.card_brand ?? null,
    last4: t.card_details?.card?.last_4 ?? null,
    createdAt: t.created_at ?? null,
  };
}

export interface SearchOrdersParams {
  /** 1–10 of the seller's locations. */
  locationIds: string[];
  /** Which timestamp the range filters and sorts on (Square requires them to agree). */
  field: "CREATED_AT" | "UPDATED_AT";
  startAt?: string;
  endAt?: string;
  sortOrder?: "ASC" | "DESC";
  customerIds?: string[];
  cursor?: string | null;
  limit?: number;
}

/** One page of SearchOrders over a time range (bounds inclusive), read as wire JSON (wire-request.ts). */
export async function searchOrders(client: SquareClient, params: SearchOrdersParams): Promise<SquarePage<Order>> {
  const range = { start_at: params.startAt, end_at: params.endAt };
  const res = await requestWire<serialization.SearchOrdersResponse.Raw>(client, "/v2/orders/search", {
    method: "POST",
    body: {
      location_ids: params.locationIds,
      cursor: params.cursor ?? undefined,
      limit: params.limit ?? 500,
      query: {
        filter: {
          date_time_filter: params.field === "CREATED_AT" ? { created_at: range } : { updated_at: range },
          ...(params.customerIds?.length ? { customer_filter: { customer_ids: params.customerIds } } : {}),
        },
        sort: { sort_field: params.field, sort_order: params.sortOrder ?? "ASC" },
      },
    },
  });
  return { items: (res.orders ?? []).map(orderFromWire), cursor: res.cursor ?? null };
}

/** BatchRetrieveOrders (at most 100 ids); ids Square does not know are left out. */
export async function batchGetOrders(client: SquareClient, orderIds: string[]): Promise<Order[]> {
  if (!orderIds.length) return [];
  const res = await callSquare(() => client.orders.batchGet({ orderIds }));
  return (res.orders ?? []).map(reshapeOrder);
}

/** RetrieveOrder; null when Square does not know it. */
export async function getOrder(client: SquareClient, orderId: string): Promise<Order | null> {
  return orNotFound(async () => {
    const res = await callSquare(() => client.orders.get({ orderId }));
    return res.order ? reshapeOrder(res.order) : null;
  });
}
