import type { CheckoutLinkFields } from "@/lib/db/queries/checkout-links";
import type { Location } from "@/lib/square/types";
import type { CheckoutLinkFieldErrors, CheckoutLinkForm } from "@/lib/validations/checkout-links";
import { parseAmount } from "./money";

/** Largest amount a link may ask for: 9,999,999.99 in a two-decimal currency. */
const MAX_AMOUNT = 999_999_999;

/**
 * The form's strings as stored link fields, in minor units of the chosen location's currency. The
 * location must be one of the seller's own (checked against Square's list, not the browser's word).
 */
export function linkFieldsFromForm(form: CheckoutLinkForm, locations: Location[]): { ok: true; fields: CheckoutLinkFields } | { ok: false; fieldErrors: CheckoutLinkFieldErrors } {
  const errors: CheckoutLinkFieldErrors = {};
  const location = locations.find((l) => l.id === form.locationId && l.status === "ACTIVE");
  if (!location) errors.locationId = ["Choose one of your active locations."];
  const currency = location?.currency ?? "USD";
  const amount = (text: string, path: string) => {
    const minor = parseAmount(text, currency);
    if (minor === null || minor < 1 || minor > MAX_AMOUNT) (errors[path] ??= []).push(`Enter an amount from ${currency} 0.01 to 9,999,999.99 (at most the currency's decimals).`);
    return minor ?? 0;
  };
  const lineItems =
    form.pricing === "items" ? form.lineItems.map((l, i) => ({ name: l.name, quantity: l.quantity, unitAmount: amount(l.unitPrice, `lineItems.${i}.unitPrice`) })) : [];
  if (lineItems.reduce((sum, l) => sum + l.quantity * l.unitAmount, 0) > MAX_AMOUNT) errors.lineItems = ["The total is too large for one payment."];
  const openMin = form.pricing === "open" ? amount(form.openMin, "openMin") : null;
  const openMax = form.pricing === "open" ? amount(form.openMax, "openMax") : null;
  if (openMin !== null && openMax !== null && openMax < openMin) (errors.openMax ??= []).push("The largest amount must not be below the smallest.");
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    fields: {
      title: form.title,
      locationId: form.locationId,
      currency,
      pricing: form.pricing,
      lineItems,
      openMinAmount: openMin,
      openMaxAmount: openMax,
      offerSaveCard: form.offerSaveCard,
      active: form.active,
    },
  };
}
