import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { toMoney, toSafeNumber } from "./money";
import type { Order, OrderTender, SquarePage } from "./types";
import { toRaw } from "./wire";

export function reshapeOrder(o: Square.Order): Order {
  return {
    id: o.id ?? "",
    locationId: o.locationId ?? null,
    customerId: o.customerId ?? null,
    state: o.state ?? null,
    sourceName: o.source?.name ?? null,
    referenceId: o.referenceId ?? null,
    total: toMoney(o.totalMoney),
    totalTax: toMoney(o.totalTaxMoney),
    totalDiscount: toMoney(o.totalDiscountMoney),
    totalTip: toMoney(o.totalTipMoney),
    netAmountDue: toMoney(o.netAmountDueMoney),
    version: o.version == null ? null : toSafeNumber(o.version),
    createdAt: o.createdAt ?? null,
    updatedAt: o.updatedAt ?? null,
    closedAt: o.closedAt ?? null,
    lineItems: (o.lineItems ?? []).map((l, i) => ({
      uid: l.uid ?? `line-${i}`,
      name: l.name ?? null,
      variationName: l.variationName ?? null,
      itemType: l.itemType ?? null,
      quantity: l.quantity,
      basePrice: toMoney(l.basePriceMoney),
      total: toMoney(l.totalMoney),
    })),
    tenders: (o.tenders ?? []).map(reshapeTender),
    raw: toRaw(serialization.Order, o),
  };
}

function reshapeTender(t: Square.Tender): OrderTender {
  return {
    id: t.id ?? t.paymentId ?? "",
    paymentId: t.paymentId ?? t.id ?? null,
    type: t.type,
    customerId: t.customerId ?? null,
    amount: toMoney(t.amountMoney),
    tip: toMoney(t.tipMoney),
    cardBrand: t.cardDetails?.card?.cardBrand ?? null,
    last4: t.cardDetails?.card?.last4 ?? null,
    createdAt: t.createdAt ?? null,
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

/** One page of SearchOrders over a time range (bounds inclusive). */
export async function searchOrders(client: SquareClient, params: SearchOrdersParams): Promise<SquarePage<Order>> {
  const range = { startAt: params.startAt, endAt: params.endAt };
  const dateTimeFilter: Square.SearchOrdersDateTimeFilter = params.field === "CREATED_AT" ? { createdAt: range } : { updatedAt: range };
  const res = await callSquare(() =>
    client.orders.search({
      locationIds: params.locationIds,
      cursor: params.cursor ?? undefined,
      limit: params.limit ?? 500,
      query: {
        filter: { dateTimeFilter, ...(params.customerIds?.length ? { customerFilter: { customerIds: params.customerIds } } : {}) },
        sort: { sortField: params.field, sortOrder: params.sortOrder ?? "ASC" },
      },
    }),
  );
  return { items: (res.orders ?? []).map(reshapeOrder), cursor: res.cursor ?? null };
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
