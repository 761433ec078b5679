import type { Metadata } from "next";
import Link from "next/link";
import { MissingScope } from "@/components/auth/missing-scope";
import { CheckoutLinkTable } from "@/components/checkout/links/checkout-link-table";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { missingScopes } from "@/lib/auth/scopes";
import { ensureDemoLinks } from "@/lib/checkout/demo-links";
import { qrCodeDataUrl } from "@/lib/checkout/qr";
import { CHECKOUT_SCOPES } from "@/lib/checkout/scopes";
import { getDb } from "@/lib/db/client";
import { listCheckoutLinks } from "@/lib/db/queries/checkout-links";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Checkout links" };

export default async function CheckoutLinksPage() {
  const seller = await requireSeller();
  const env = getEnv();
  const db = await getDb();
  if (env.SQUARE_ENVIRONMENT === "local") await ensureDemoLinks(db, seller, env.NEXTAUTH_SECRET);
  const links = await listCheckoutLinks(db, seller);
  const rows = await Promise.all(
    links.map(async (link) => {
      const url = `${env.NEXTAUTH_URL}/pay/${link.id}`;
      return { ...link, url, qrCode: await qrCodeDataUrl(url) };
    }),
  );
  const missing = missingScopes(seller, CHECKOUT_SCOPES);
  return (
    <>
      <PageHeader
        title="Checkout links"
        description="Public payment pages to share as a URL or QR code. Buyers pay by card or gift card and may choose to save their card with you."
        actions={
          <Link href="/checkout-links/new" className={buttonVariants()}>
            New checkout link
          </Link>
        }
      />
      {missing.length > 0 && (
        <div className="mb-6">
          <MissingScope scopes={missing} returnTo="/checkout-links" />
        </div>
      )}
      {rows.length ? (
        <CheckoutLinkTable links={rows} />
      ) : (
        <Card>
          <CardTitle>No checkout links yet</CardTitle>
          <CardDescription>Create one with fixed items or an amount the buyer chooses, then share its URL or QR code.</CardDescription>
        </Card>
      )}
    </>
  );
}
