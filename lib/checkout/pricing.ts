import type { CheckoutLinkLineItem } from "@/lib/db/schema/checkout-links";
import type { CheckoutFieldErrors } from "@/lib/validations/checkout";
import { amountToDecimal } from "./money";

export interface PricedLink {
  pricing: "items" | "open";
  title: string;
  currency: string;
  lineItems: CheckoutLinkLineItem[];
  openMinAmount: number | null;
  openMaxAmount: number | null;
}

export interface PricedCheckout {
  amount: number;
  lineItems: CheckoutLinkLineItem[];
}

/**
 * What the buyer owes, from the stored link only: the sum of its line items, or the buyer's chosen
 * amount when the link is open and the amount lies within its bounds. The browser never sets a price.
 */
export function priceCheckout(link: PricedLink, requested: number | null): { ok: true; priced: PricedCheckout } | { ok: false; fieldErrors: CheckoutFieldErrors } {
  if (link.pricing === "items") return { ok: true, priced: { amount: itemsTotal(link.lineItems), lineItems: link.lineItems } };
  const min = link.openMinAmount ?? 1;
  const max = link.openMaxAmount ?? Number.MAX_SAFE_INTEGER;
  if (requested === null) return { ok: false, fieldErrors: { amount: ["Enter the amount you want to pay."] } };
  if (!Number.isSafeInteger(requested) || requested < min || requested > max)
    return {
      ok: false,
      fieldErrors: { amount: [`Enter an amount between ${amountToDecimal(min, link.currency)} and ${amountToDecimal(max, link.currency)} ${link.currency}.`] },
    };
  return { ok: true, priced: { amount: requested, lineItems: [{ name: link.title, quantity: 1, unitAmount: requested }] } };
}

export const itemsTotal = (items: CheckoutLinkLineItem[]): number => items.reduce((sum, i) => sum + i.quantity * i.unitAmount, 0);
