import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MissingScope } from "@/components/auth/missing-scope";
import { CheckoutLinkForm } from "@/components/checkout/links/checkout-link-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { formValues, locationOptions } from "@/lib/checkout/link-form-data";
import { getDb } from "@/lib/db/client";
import { getCheckoutLink } from "@/lib/db/queries/checkout-links";

export const metadata: Metadata = { title: "Edit checkout link" };

export default async function EditCheckoutLinkPage({ params }: { params: Promise<{ linkId: string }> }) {
  const seller = await requireSeller();
  const { linkId } = await params;
  const link = linkId.length <= 64 ? await getCheckoutLink(await getDb(), { merchantId: seller.merchantId, linkId }) : undefined;
  if (!link) notFound();
  const header = <PageHeader title="Edit checkout link" description={link.title} />;
  if (!hasScope(seller, "MERCHANT_PROFILE_READ"))
    return (
      <>
        {header}
        <MissingScope scopes={["MERCHANT_PROFILE_READ"]} returnTo={`/checkout-links/${link.id}/edit`} />
      </>
    );
  return (
    <>
      {header}
      <CheckoutLinkForm linkId={link.id} locations={(await locationOptions(seller)).options} initial={formValues(link)} />
    </>
  );
}
