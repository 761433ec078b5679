import type { Metadata } from "next";
import { MissingScope } from "@/components/auth/missing-scope";
import { CheckoutLinkForm } from "@/components/checkout/links/checkout-link-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { emptyFormValues, locationOptions } from "@/lib/checkout/link-form-data";

export const metadata: Metadata = { title: "New checkout link" };

export default async function NewCheckoutLinkPage() {
  const seller = await requireSeller();
  const header = <PageHeader title="New checkout link" />;
  if (!hasScope(seller, "MERCHANT_PROFILE_READ"))
    return (
      <>
        {header}
        <MissingScope scopes={["MERCHANT_PROFILE_READ"]} returnTo="/checkout-links/new" />
      </>
    );
  const { options, mainLocationId } = await locationOptions(seller);
  return (
    <>
      {header}
      <CheckoutLinkForm locations={options} initial={emptyFormValues(mainLocationId ?? options[0]?.id ?? "")} />
    </>
  );
}
