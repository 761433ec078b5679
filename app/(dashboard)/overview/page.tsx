import type { Metadata } from "next";
import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { RevenueChart } from "@/components/charts/revenue-chart";
import { FigureGrid } from "@/components/reports/figure-grid";
import { SyncProgress } from "@/components/sync/sync-progress";
import { SyncRefresher } from "@/components/sync/sync-refresher";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { getDb } from "@/lib/db/client";
import { listHistoryLocations } from "@/lib/db/queries/history-filters";
import { getSalesFigures } from "@/lib/db/queries/report-figures";
import { getRevenueSeries, getTopCustomers } from "@/lib/db/queries/reports";
import { getSyncStatus, type SyncStatus } from "@/lib/db/queries/sync";
import { customerDisplayName, formatMoney } from "@/lib/format";
import { resolveRange } from "@/lib/reports/range";
import { isTimeZone } from "@/lib/reports/time-zone";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const seller = await requireSeller();
  const db = await getDb();
  const merchantId = seller.merchantId;
  // The last 30 of the shop's days, today included, all locations (days in the main location's zone).
  const main = (await listHistoryLocations(db, { merchantId })).find((l) => l.main);
  const timezone = main?.timezone && isTimeZone(main.timezone) ? main.timezone : "UTC";
  const days = resolveRange({}, timezone);
  if (!days.ok) throw new Error(days.problem);
  const range = { merchantId, from: days.range.fromAt, to: days.range.toAt, timezone };
  const [status, figures, top, revenue] = await Promise.all([
    getSyncStatus(db, { merchantId }),
    getSalesFigures(db, range),
    getTopCustomers(db, { ...range, limit: 5 }),
    getRevenueSeries(db, { ...range, period: "day" }),
  ]);

  return (
    <>
      <PageHeader title="Overview" description={`${seller.businessName} at a glance, from Patron's copy of your Square data.`} />
      <SyncRefresher initial={status} streams={["customers", "orders", "payments"]} />
      <div className="space-y-6">
        <div className="flex items-end justify-between gap-2">
          <h2 className="text-lg font-semibold text-neutral-900">Last 30 days</h2>
          <Link href="/reports" className="text-sm font-medium text-neutral-700 underline-offset-2 hover:underline">
            Open reports →
          </Link>
        </div>
        <FigureGrid figures={figures} label="Last 30 days" />
        <ChartFrame title="Revenue per day" summary={`${formatMoney(figures.revenue)} from ${days.range.from} to ${days.range.to}, completed payments.`}>
          <RevenueChart points={revenue.map((p) => ({ period: p.period, revenue: p.revenue.amount, payments: p.payments }))} currency={figures.revenue.currency} />
        </ChartFrame>

        <Card>
          <CardTitle>Top customers, last 30 days</CardTitle>
          {top.length === 0 ? (
            <CardDescription>No sales attributed to a customer in the last 30 days{status.state === "backfilling" ? " yet: Patron is still copying your history" : ""}.</CardDescription>
          ) : (
            <ol aria-label="Top customers" className="mt-4 divide-y divide-neutral-100 text-sm">
              {top.map((c) => (
                <li key={c.customerId} className="flex justify-between py-2">
                  <Link href={`/customers/${c.customerId}`} className="underline-offset-2 hover:underline">
                    {customerDisplayName({ givenName: c.givenName, familyName: c.familyName, companyName: null, emailAddress: c.emailAddress, phoneNumber: null })}
                  </Link>
                  <span className="text-neutral-700">
                    {formatMoney(c.spend)} · {c.payments} {c.payments === 1 ? "payment" : "payments"}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Card>

        <Card>
          <CardTitle>Your Square data in Patron</CardTitle>
          <CardDescription>{syncSummary(status)}</CardDescription>
          <div className="mt-4">
            <SyncProgress initial={status} />
          </div>
        </Card>
      </div>
    </>
  );
}

function syncSummary(status: SyncStatus): string {
  switch (status.state) {
    case "never":
      return "Patron has not copied your Square data yet; it starts right after you sign in.";
    case "backfilling":
      return "Patron is copying your history from Square. Everything here fills in as it arrives; you can keep working meanwhile.";
    case "failed":
      return `Copying was interrupted (${status.lastError ?? "Square did not answer"}). Patron retries on its own and resumes where it stopped.`;
    default:
      return "Patron keeps a copy of your Square data, updated as Square notifies it of each change and checked against Square every few minutes.";
  }
}
