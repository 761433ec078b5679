import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { MissingScope } from "@/components/auth/missing-scope";
import { AuditPanel } from "@/components/customers/panels/audit-panel";
import { CardsPanel } from "@/components/customers/panels/cards-panel";
import { GiftCardsPanel } from "@/components/customers/panels/gift-cards-panel";
import { HistoryPanel } from "@/components/customers/panels/history-panel";
import { PanelSkeleton } from "@/components/customers/panels/panel";
import { ChargePanel, NewOrderPanel } from "@/components/customers/panels/payment-panels";
import { ProfilePanel } from "@/components/customers/panels/profile-panel";
import { SpendPanel } from "@/components/customers/panels/spend-panel";
import { RefreshButton } from "@/components/customers/refresh-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { getCustomerProfile } from "@/lib/db/queries/customer-profile";
import { customerDisplayName } from "@/lib/format";

export const metadata: Metadata = { title: "Customer" };

type Props = { params: Promise<{ customerId: string }>; searchParams: Promise<{ history?: string | string[] }> };

/**
 * The customer 360, read from the mirror (no Square call per view). A merged-away id redirects to
 * the surviving profile. Each panel loads on its own and streams in behind its own skeleton.
 */
export default async function CustomerPage({ params, searchParams }: Props) {
  const seller = await requireSeller();
  const { customerId } = await params;
  if (!hasScope(seller, "CUSTOMERS_READ")) return <MissingScope scopes={["CUSTOMERS_READ"]} returnTo={`/customers/${encodeURIComponent(customerId)}`} />;
  const profile = await getCustomerProfile(await getDb(), { merchantId: seller.merchantId, customerId });
  if (!profile || profile.deleted) notFound();
  if (profile.id !== customerId) redirect(`/customers/${profile.id}`);

  const history = (await searchParams).history;
  const cursor = typeof history === "string" ? history.slice(0, 200) : null;
  const customer = { id: profile.id, name: customerDisplayName(profile), givenName: profile.givenName, familyName: profile.familyName };
  const ids = { merchantId: seller.merchantId, customerId: profile.id };

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/customers" className="text-neutral-600 underline-offset-2 hover:underline">
          Customers
        </Link>
      </nav>
      <PageHeader title={customer.name} description={profile.emailAddress ?? profile.phoneNumber ?? undefined} actions={<RefreshButton customerId={profile.id} />} />
      <div className="space-y-6">
        <div className="grid gap-6 xl:grid-cols-2">
          <Suspense fallback={<PanelSkeleton title="Profile" lines={8} />}>
            <ProfilePanel {...ids} canEdit={hasScope(seller, "CUSTOMERS_WRITE")} />
          </Suspense>
          <Suspense fallback={<PanelSkeleton title="Spend" lines={8} />}>
            <SpendPanel {...ids} />
          </Suspense>
        </div>
        <Suspense fallback={<PanelSkeleton title="Cards on file" />}>
          <CardsPanel seller={seller} customer={customer} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton title="Gift cards on file" />}>
          <GiftCardsPanel seller={seller} customer={customer} />
        </Suspense>
        <div className="grid gap-6 xl:grid-cols-2">
          <Suspense fallback={<PanelSkeleton title="Charge on file" />}>
            <ChargePanel seller={seller} customer={customer} />
          </Suspense>
          <Suspense fallback={<PanelSkeleton title="New order" />}>
            <NewOrderPanel seller={seller} customer={customer} />
          </Suspense>
        </div>
        <div id="history">
          <Suspense key={cursor ?? "newest"} fallback={<PanelSkeleton title="Orders and payments" lines={10} />}>
            <HistoryPanel seller={seller} customer={customer} cursor={cursor} />
          </Suspense>
        </div>
        <Suspense fallback={<PanelSkeleton title="Audit trail" />}>
          <AuditPanel {...ids} />
        </Suspense>
      </div>
    </>
  );
}
