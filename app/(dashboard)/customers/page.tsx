import type { Metadata } from "next";
import Link from "next/link";
import { MissingScope } from "@/components/auth/missing-scope";
import { SignInButton } from "@/components/auth/sign-in-button";
import { CustomerTable } from "@/components/customers/customer-table";
import { CustomersEmpty } from "@/components/customers/customers-empty";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope, type Scope } from "@/lib/auth/scopes";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { listCustomers } from "@/lib/square/customers";
import { squareFor } from "@/lib/square/for-seller";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const seller = await requireSeller();
  const header = <PageHeader title="Customers" description={`Everyone who bought from ${seller.businessName}, newest first.`} />;
  if (!hasScope(seller, "CUSTOMERS_READ"))
    return (
      <>
        {header}
        <MissingScope scopes={["CUSTOMERS_READ"]} returnTo="/customers" />
      </>
    );

  const { cursor } = await searchParams;
  let page;
  try {
    page = await listCustomers(await squareFor(seller), { cursor: cursor || undefined });
  } catch (err) {
    // Expected answers get a message of their own; anything else is for error.tsx.
    const message = isAppError(err, "MISSING_SCOPE") ? (
      <MissingScope scopes={(err.scopes ?? ["CUSTOMERS_READ"]) as Scope[]} returnTo="/customers" />
    ) : isAppError(err, "SQUARE_AUTH") ? (
      <Reconnect />
    ) : isAppError(err, "INVALID_INPUT") && cursor ? (
      <StaleCursor />
    ) : undefined;
    if (!message) throw err;
    return (
      <>
        {header}
        {message}
      </>
    );
  }

  return (
    <>
      {header}
      {page.customers.length === 0 && !cursor ? (
        <CustomersEmpty local={getEnv().SQUARE_ENVIRONMENT === "local"} />
      ) : (
        <CustomerTable customers={page.customers} />
      )}
      <nav aria-label="Pages" className="mt-4 flex justify-between">
        {cursor ? (
          <Link href="/customers" className={buttonVariants({ variant: "secondary", size: "sm" })}>
            First page
          </Link>
        ) : (
          <span />
        )}
        {page.cursor && (
          <Link href={`/customers?cursor=${encodeURIComponent(page.cursor)}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            Next page
          </Link>
        )}
      </nav>
    </>
  );
}

function Reconnect() {
  return (
    <Card role="alert">
      <CardTitle>Square needs you to sign in again</CardTitle>
      <CardDescription>Square no longer accepts Patron&apos;s access to your account (it was revoked or expired).</CardDescription>
      <div className="mt-4">
        <SignInButton callbackUrl="/customers" />
      </div>
    </Card>
  );
}

function StaleCursor() {
  return (
    <Card role="alert">
      <CardTitle>That page of results has expired</CardTitle>
      <CardDescription>
        Square&apos;s page links last only a few minutes. <Link className="underline" href="/customers">Start from the first page</Link>.
      </CardDescription>
    </Card>
  );
}
