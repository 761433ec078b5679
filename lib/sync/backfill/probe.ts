import "server-only";
import type { SquareClient } from "@/lib/square/client";
import { searchCustomers } from "@/lib/square/customers";
import { searchOrders } from "@/lib/square/orders";
import { listPayments } from "@/lib/square/payments";
import { chunk } from "../pool";

/** Square's platform predates no seller's data; ListPayments needs an explicit start (its default is a year ago). */
export const FAR_PAST = "2009-01-01T00:00:00.000Z";

const earliest = (values: (string | null | undefined)[]): number | null => {
  const times = values.filter((v): v is string => !!v).map((v) => Date.parse(v));
  return times.length ? Math.min(...times) : null;
};

/** When the seller's oldest customer, order and payment were created: one cheap call each, to place the time windows. */
export async function probeEarliest(client: SquareClient, locationIds: string[], streams: { customers: boolean; orders: boolean; payments: boolean }) {
  const [customers, orders, payments] = await Promise.all([
    streams.customers ? searchCustomers(client, { sortCreatedAtAsc: true, limit: 1 }).then((p) => earliest(p.items.map((c) => c.createdAt))) : null,
    streams.orders
      ? Promise.all(
          chunk(locationIds, 10).map((ids) => searchOrders(client, { locationIds: ids, field: "CREATED_AT", startAt: FAR_PAST, sortOrder: "ASC", limit: 1 })),
        ).then((pages) => earliest(pages.flatMap((p) => p.items.map((o) => o.createdAt))))
      : null,
    streams.payments
      ? Promise.all(locationIds.map((locationId) => listPayments(client, { locationId, beginTime: FAR_PAST, sortOrder: "ASC", limit: 1 }))).then((pages) =>
          earliest(pages.flatMap((p) => p.items.map((x) => x.createdAt))),
        )
      : null,
  ]);
  const any = [customers, orders, payments].filter((v): v is number => v !== null);
  return { customers, orders, payments, overall: any.length ? Math.min(...any) : null };
}
