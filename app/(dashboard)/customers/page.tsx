import type { Metadata } from "next";
import Link from "next/link";
import { MissingScope } from "@/components/auth/missing-scope";
import { CustomerTable } from "@/components/customers/customer-table";
import { CustomersEmpty } from "@/components/customers/customers-empty";
import { SyncRefresher } from "@/components/sync/sync-refresher";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { listCustomers, type CustomerSummary } from "@/lib/db/queries/customers";
import { getSyncStatus } from "@/lib/db/queries/sync";
import { getEnv } from "@/lib/env";
import type { Customer } from "@/lib/square/types";

export const metadata: Metadata = { title: "Customers" };

const PAGE_SIZE = 50;

// Reads Patron's mirror of the seller's Square customers (lib/sync keeps it current), newest first.
export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const seller = await requireSeller();
  const header = <PageHeader title="Customers" description={`Everyone who bought from ${seller.businessName}, newest first.`} />;
  if (!hasScope(seller, "CUSTOMERS_READ"))
    return (
      <>
        {header}
        <MissingScope scopes={["CUSTOMERS_READ"]} returnTo="/customers" />
      </>
    );

  const { q = "", page: pageParam } = await searchParams;
  const page = Math.max(1, Number.parseInt(pageParam ?? "1", 10) || 1);
  const db = await getDb();
  const [list, status] = await Promise.all([
    listCustomers(db, { merchantId: seller.merchantId, search: q, sort: "created", direction: "desc", limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    getSyncStatus(db, { merchantId: seller.merchantId }),
  ]);
  const stream = status.streams.find((s) => s.stream === "customers");
  const copying = status.state !== "synced" && stream?.status !== "done";
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const link = (p: number) => `/customers?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <>
      {header}
      {copying && <SyncRefresher initial={status} streams={["customers"]} />}
      <form role="search" action="/customers" className="mb-4 flex gap-2">
        <label className="flex flex-1 items-center gap-2 text-sm text-neutral-700">
          Search customers
          <input name="q" defaultValue={q} placeholder="Name, email or phone" className="h-9 flex-1 rounded-md border border-neutral-300 px-3" />
        </label>
        <Button type="submit" variant="secondary" size="sm" className="h-9">
          Search
        </Button>
      </form>
      {copying && (
        <Card role="status" className="mb-4">
          <CardTitle>Copying your customers from Square</CardTitle>
          <CardDescription>
            {(stream?.done ?? 0).toLocaleString("en-US")} so far. The list fills in as they arrive; the rest of the dashboard works meanwhile.
          </CardDescription>
        </Card>
      )}
      {list.total === 0 ? (
        q ? (
          <p className="text-sm text-neutral-700">No customer matches “{q}”.</p>
        ) : (
          !copying && <CustomersEmpty local={getEnv().SQUARE_ENVIRONMENT === "local"} />
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-neutral-600">{list.total.toLocaleString("en-US")} customers</p>
          <CustomerTable customers={list.customers.map(asCustomer)} />
        </>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={link(page - 1)} className={buttonVariants({ variant: "secondary", size: "sm" })}>
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-neutral-600">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={link(page + 1)} className={buttonVariants({ variant: "secondary", size: "sm" })}>
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}

/** The table's shape (lib/square/types Customer) from a mirror row; the directory will show the aggregates. */
function asCustomer(c: CustomerSummary): Customer {
  return { ...c, note: null, version: 0 };
}
