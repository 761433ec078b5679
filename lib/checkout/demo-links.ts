import "server-only";
import { createHmac } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { countCheckoutLinks, insertCheckoutLinksIfMissing, type CheckoutLinkFields } from "@/lib/db/queries/checkout-links";

export interface DemoSeller {
  merchantId: string;
  mainLocationId: string | null;
  currency: string | null;
}

const DEMO_LINKS: Omit<CheckoutLinkFields, "locationId" | "currency">[] = [
  {
    title: "Morning coffee & pastry",
    pricing: "items",
    lineItems: [
      { name: "Flat white", quantity: 1, unitAmount: 450 },
      { name: "Butter croissant", quantity: 2, unitAmount: 375 },
    ],
    openMinAmount: null,
    openMaxAmount: null,
    offerSaveCard: true,
    active: true,
  },
  { title: "Pay what you like", pricing: "open", lineItems: [], openMinAmount: 100, openMaxAmount: 20_000, offerSaveCard: false, active: true },
];

/**
 * Local mode only: a seller with no checkout links gets the two examples above, so the demo works
 * end to end without setting anything up. Their ids are derived (HMAC with the app's secret), so two
 * requests racing here insert each link once, and nobody can guess them.
 */
export async function ensureDemoLinks(db: Db, seller: DemoSeller, secret: string): Promise<number> {
  if (!seller.mainLocationId || (await countCheckoutLinks(db, seller)) > 0) return 0;
  const links = DEMO_LINKS.map((link, i) => ({
    ...link,
    id: `demo_${createHmac("sha256", secret).update(`${seller.merchantId}:${i}`).digest("base64url").slice(0, 16)}`,
    locationId: seller.mainLocationId!,
    currency: seller.currency ?? "USD",
  }));
  return insertCheckoutLinksIfMissing(db, seller.merchantId, links);
}
