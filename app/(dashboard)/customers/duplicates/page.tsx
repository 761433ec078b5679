import type { Metadata } from "next";
import { MissingScope } from "@/components/auth/missing-scope";
import { DuplicateGroups } from "@/components/customers/duplicate-groups";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { listDuplicateCustomers } from "@/lib/db/queries/customer-duplicates";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Possible duplicates" };

export default async function DuplicatesPage() {
  const seller = await requireSeller();
  const header = <PageHeader title="Possible duplicates" description="Profiles that share an email address (in any letter case) or a phone number (however it was typed)." />;
  if (!hasScope(seller, "CUSTOMERS_READ"))
    return (
      <>
        {header}
        <MissingScope scopes={["CUSTOMERS_READ"]} returnTo="/customers/duplicates" />
      </>
    );
  const env = getEnv();
  const groups = await listDuplicateCustomers(await getDb(), { merchantId: seller.merchantId });
  // Square has no merge API: in local mode the local Square's merge page stands in for Square's Dashboard.
  const mergeUrl =
    env.SQUARE_ENVIRONMENT === "local"
      ? (ids: string[]) =>
          `${env.SQUARE_EMULATOR_URL.replace(/\/+$/, "")}/_emulator/merge?${new URLSearchParams({ merchant_id: seller.merchantId, customer_ids: ids.join(","), return_to: `${env.NEXTAUTH_URL}/customers/duplicates` })}`
      : null;
  return (
    <>
      {header}
      <Card className="mb-6">
        <CardTitle>How to merge them</CardTitle>
        <CardDescription>
          Merging happens in Square, not in Patron. In your Square Dashboard open Customers, tick the profiles that are the same person and
          choose Merge. Square makes one new profile (with a new ID) from them and removes the old ones. Patron follows the merge on its own:
          the orders, payments, cards and gift cards of every old profile appear under the merged one, and links to an old profile lead to it.
        </CardDescription>
        {mergeUrl && <p className="mt-3 text-sm text-neutral-600">You are on the local Square: each group has a link to its merge page, which stands in for Square&apos;s Dashboard.</p>}
      </Card>
      {groups.length ? <DuplicateGroups groups={groups} mergeUrl={mergeUrl} /> : <p className="text-sm text-neutral-700">No possible duplicates: no two profiles share an email address or a phone number.</p>}
    </>
  );
}
