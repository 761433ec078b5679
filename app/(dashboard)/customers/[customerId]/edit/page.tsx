import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { MissingScope } from "@/components/auth/missing-scope";
import { CustomerForm } from "@/components/customers/customer-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { missingScopes } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { getCustomerProfile } from "@/lib/db/queries/customer-profile";
import { customerDisplayName } from "@/lib/format";
import { formValuesFromProfile } from "@/lib/validations/customers";

export const metadata: Metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const seller = await requireSeller();
  const { customerId } = await params;
  const missing = missingScopes(seller, ["CUSTOMERS_READ", "CUSTOMERS_WRITE"]);
  if (missing.length) return <MissingScope scopes={missing} returnTo={`/customers/${encodeURIComponent(customerId)}/edit`} />;
  const profile = await getCustomerProfile(await getDb(), { merchantId: seller.merchantId, customerId });
  if (!profile || profile.deleted) notFound();
  if (profile.id !== customerId) redirect(`/customers/${profile.id}/edit`);
  return (
    <>
      <PageHeader title={`Edit ${customerDisplayName(profile)}`} description="Changes are saved to Square. If someone else edits this customer meanwhile, you will see their changes before anything is overwritten." />
      <CustomerForm mode="edit" customerId={profile.id} version={profile.version} initial={formValuesFromProfile(profile)} />
    </>
  );
}
