import type { Metadata } from "next";
import { MissingScope } from "@/components/auth/missing-scope";
import { CustomerForm } from "@/components/customers/customer-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { missingScopes } from "@/lib/auth/scopes";
import { EMPTY_CUSTOMER_FORM } from "@/lib/validations/customers";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  const seller = await requireSeller();
  const missing = missingScopes(seller, ["CUSTOMERS_READ", "CUSTOMERS_WRITE"]);
  return (
    <>
      <PageHeader title="New customer" description="Saved to your Square customer directory. Give at least a name, company, email or phone." />
      {missing.length ? <MissingScope scopes={missing} returnTo="/customers/new" /> : <CustomerForm mode="create" initial={EMPTY_CUSTOMER_FORM} />}
    </>
  );
}
