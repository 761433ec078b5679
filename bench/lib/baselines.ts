import type { SquareClient } from "square";
import type { AppClient } from "./app-client";
import { csvRecords, toCents } from "./csv";
import { baselineTiming, walkLive, type BaselineTiming, type WalkedTender } from "./live-walk";
import type { MergedCustomer } from "./merged-customer";
import type { SquareAdmin } from "./square-admin";

export interface BaselineResult extends BaselineTiming {
  /** Calls the local Square counted during the walk (the walk's own count, before any scaling). */
  countedCalls: number;
  /** The live answer beside Patron's, and whether they agree (not judged when the walk was partial). */
  live: Record<string, number | string>;
  patron: Record<string, number | string>;
  agrees: boolean | null;
}

const completed = (ts: WalkedTender[]) => ts.filter((t) => t.payment.status === "COMPLETED");
const cents = (ts: WalkedTender[]) => ts.reduce((sum, t) => sum + Number(t.payment.totalMoney?.amount ?? 0), 0);

/** The customer 360's headline (orders, lifetime spend) for the merged customer, asked live. */
export async function customer360Baseline(square: SquareClient, admin: SquareAdmin, app: AppClient, c: MergedCustomer, locationId: string): Promise<BaselineResult> {
  await admin.resetStats();
  // Every ID of the merged group: generous to the live approach, which cannot learn the old IDs
  // from Square (orders keep them; only the merge webhook names them).
  const walk = await walkLive(square, {
    locationIds: [locationId],
    query: { filter: { customerFilter: { customerIds: [c.id, ...c.oldIds] } }, sort: { sortField: "CREATED_AT", sortOrder: "DESC" } },
  });
  const countedCalls = (await admin.stats()).total;
  const paid = completed(walk.tenders);
  const live = { orders: new Set(paid.map((t) => t.orderId)).size, spendCents: cents(paid) };
  const row = (await app.json<{ customers: { id: string; orders: number; spend: string }[] }>(`/api/customers?q=${encodeURIComponent(c.email)}`)).customers.find((r) => r.id === c.id);
  const patron = { orders: row?.orders ?? -1, spendCents: row ? toCents(row.spend) : -1 };
  return { ...baselineTiming(walk), countedCalls, live, patron, agrees: live.orders === patron.orders && live.spendCents === patron.spendCents };
}

/** The 90-day report's headline figures (revenue, payments, sales, revenue with no customer), asked live. */
export async function report90Baseline(
  square: SquareClient,
  admin: SquareAdmin,
  app: AppClient,
  range: { from: string; to: string; fromAt: string; toAt: string },
  locationId: string,
  maxTenders: number,
): Promise<BaselineResult> {
  await admin.resetStats();
  const walk = await walkLive(
    square,
    {
      locationIds: [locationId],
      query: {
        filter: { stateFilter: { states: ["COMPLETED"] }, dateTimeFilter: { createdAt: { startAt: range.fromAt, endAt: range.toAt } } },
        sort: { sortField: "CREATED_AT", sortOrder: "ASC" },
      },
    },
    maxTenders || undefined,
  );
  const countedCalls = (await admin.stats()).total;
  const inRange = completed(walk.tenders).filter((t) => (t.payment.createdAt ?? "") >= range.fromAt && (t.payment.createdAt ?? "") < range.toAt);
  const live = {
    revenueCents: cents(inRange),
    payments: inRange.length,
    sales: new Set(inRange.map((t) => t.orderId)).size,
    withoutCustomerCents: cents(inRange.filter((t) => !t.customer)),
  };
  const figures = new Map(csvRecords(await app.text(`/api/exports/summary?from=${range.from}&to=${range.to}`)).map((r) => [r.Figure, r.Value]));
  const patron = {
    revenueCents: toCents(figures.get("Revenue") ?? "NaN"),
    payments: Number(figures.get("Payments")),
    sales: Number(figures.get("Sales")),
    withoutCustomerCents: toCents(figures.get("Revenue with no customer") ?? "NaN"),
  };
  const timing = baselineTiming(walk);
  const agrees = timing.extrapolated ? null : (Object.keys(live) as (keyof typeof live)[]).every((k) => live[k] === patron[k]);
  return { ...timing, countedCalls, live, patron, agrees };
}
