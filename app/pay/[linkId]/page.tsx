import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { OrderSummary } from "@/components/checkout/order-summary";
import { consentExplanation, consentLabel } from "@/lib/checkout/consent";
import { webSdkScriptSrc } from "@/lib/checkout/csp";
import { itemsTotal } from "@/lib/checkout/pricing";
import { getDb } from "@/lib/db/client";
import { getActiveCheckoutLink } from "@/lib/db/queries/checkout-links";
import { getEnv } from "@/lib/env";

type Props = { params: Promise<{ linkId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await findLink((await params).linkId);
  return { title: link ? `Pay ${link.businessName}` : "Checkout", robots: { index: false } };
}

/** The public payment page: no sign-in; the link names the seller. Rendered per request (CSP nonce, fresh attempt id). */
export default async function PayPage({ params }: Props) {
  await headers();
  const link = await findLink((await params).linkId);
  if (!link) notFound();
  const env = getEnv();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col gap-5 px-4 py-6">
      <header>
        <p className="text-sm text-neutral-600">{link.businessName}</p>
        <h1 className="text-2xl font-semibold">{link.title}</h1>
      </header>
      {link.pricing === "items" && <OrderSummary items={link.lineItems} currency={link.currency} />}
      <CheckoutForm
        linkId={link.id}
        attemptId={randomUUID()}
        square={{ applicationId: env.SQUARE_APPLICATION_ID, locationId: link.locationId, scriptSrc: webSdkScriptSrc(env) }}
        currency={link.currency}
        pricing={link.pricing}
        total={link.pricing === "items" ? itemsTotal(link.lineItems) : null}
        openMin={link.openMinAmount}
        openMax={link.openMaxAmount}
        consent={link.offerSaveCard ? { label: consentLabel(link.businessName), explanation: consentExplanation(link.businessName) } : null}
      />
      <p className="text-center text-xs text-neutral-500">Payments are processed by Square. Your card details go to Square directly, never to {link.businessName}.</p>
    </main>
  );
}

async function findLink(linkId: string) {
  if (linkId.length > 64) return undefined;
  return getActiveCheckoutLink(await getDb(), { linkId });
}
