import type { Metadata } from "next";
import { MissingScope } from "@/components/auth/missing-scope";
import { CustomerDirectory } from "@/components/customers/customer-directory";
import { CustomersEmpty } from "@/components/customers/customers-empty";
import { SyncRefresher } from "@/components/sync/sync-refresher";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDirectoryPage } from "@/lib/customers/directory";
import { parseDirectoryQuery } from "@/lib/customers/directory-query";
import { getDb } from "@/lib/db/client";
import { getSyncStatus } from "@/lib/db/queries/sync";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Customers" };

// The directory reads Patron's mirror of the seller's Square customers (lib/sync keeps it current):
// one query per page, so partial names, phone digits and every column's sort work at any size.
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const seller = await requireSeller();
  const header = <PageHeader title="Customers" description={`Everyone who bought from ${seller.businessName}, with their cards, gift cards and spend.`} />;
  if (!hasScope(seller, "CUSTOMERS_READ"))
    return (
      <>
        {header}
        <MissingScope scopes={["CUSTOMERS_READ"]} returnTo="/customers" />
      </>
    );

  const query = parseDirectoryQuery(await searchParams);
  const db = await getDb();
  const [page, status] = await Promise.all([getDirectoryPage(db, seller.merchantId, query), getSyncStatus(db, { merchantId: seller.merchantId })]);
  const stream = status.streams.find((s) => s.stream === "customers");
  const copying = status.state !== "synced" && stream?.status !== "done";

  return (
    <>
      {header}
      {copying && <SyncRefresher initial={status} streams={["customers"]} />}
      {copying && (
        <Card role="status" className="mb-4">
          <CardTitle>Copying your customers from Square</CardTitle>
          <CardDescription>
            {(stream?.done ?? 0).toLocaleString("en-US")} so far. The list fills in as they arrive; the rest of the dashboard works meanwhile.
          </CardDescription>
        </Card>
      )}
      {page.total === 0 && !query.q && !copying ? <CustomersEmpty local={getEnv().SQUARE_ENVIRONMENT === "local"} /> : <CustomerDirectory initial={{ query, page }} />}
    </>
  );
}
