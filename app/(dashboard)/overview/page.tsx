import type { Metadata } from "next";
import { SyncProgress } from "@/components/sync/sync-progress";
import { SyncRefresher } from "@/components/sync/sync-refresher";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { getDb } from "@/lib/db/client";
import { listCustomers } from "@/lib/db/queries/customers";
import { getCustomerShare, getTopCustomers } from "@/lib/db/queries/reports";
import { getSyncStatus, type SyncStatus } from "@/lib/db/queries/sync";
import { customerDisplayName, formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Overview" };

const DAY_MS = 24 * 3600 * 1000;

export default async function OverviewPage() {
  const seller = await requireSeller();
  const db = await getDb();
  const merchantId = seller.merchantId;
  const range = { merchantId, from: new Date(Date.now() - 30 * DAY_MS).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
  const [status, share, top, customers] = await Promise.all([
    getSyncStatus(db, { merchantId }),
    getCustomerShare(db, range),
    getTopCustomers(db, { ...range, limit: 5 }),
    listCustomers(db, { merchantId, limit: 1 }),
  ]);

  return (
    <>
      <PageHeader title="Overview" description={`${seller.businessName} at a glance, from Patron's copy of your Square data.`} />
      <SyncRefresher initial={status} streams={["customers", "orders", "payments"]} />
      <div className="space-y-6">
        <section aria-label="Last 30 days" className="grid gap-4 sm:grid-cols-3">
          <Figure label="Sales, last 30 days" value={formatMoney(share.total)} note={`${share.payments.toLocaleString("en-US")} payments`} />
          <Figure label="Customers" value={customers.total.toLocaleString("en-US")} note="in your directory" />
          <Figure label="Sales with no customer" value={`${Math.round(share.shareWithoutCustomer * 100)}%`} note={formatMoney(share.withoutCustomer)} />
        </section>

        <Card>
          <CardTitle>Top customers, last 30 days</CardTitle>
          {top.length === 0 ? (
            <CardDescription>No sales attributed to a customer in the last 30 days{status.state === "backfilling" ? " yet: Patron is still copying your history" : ""}.</CardDescription>
          ) : (
            <ol aria-label="Top customers" className="mt-4 divide-y divide-neutral-100 text-sm">
              {top.map((c) => (
                <li key={c.customerId} className="flex justify-between py-2">
                  <span>{customerDisplayName({ givenName: c.givenName, familyName: c.familyName, companyName: null, emailAddress: c.emailAddress, phoneNumber: null })}</span>
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

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Card className="p-4">
      <p className="text-sm text-neutral-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-neutral-900">{value}</p>
      <p className="text-xs text-neutral-500">{note}</p>
    </Card>
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
