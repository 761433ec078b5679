import "server-only";
import type { CheckoutLink } from "@/lib/db/queries/checkout-links";
import { squareFor } from "@/lib/square/for-seller";
import { getMerchantProfile } from "@/lib/square/merchants";
import type { CheckoutLinkDraft, LocationOption } from "@/lib/validations/checkout-links";
import { amountToDecimal } from "./money";

/** The seller's active locations, for the link form's picker (RetrieveMerchant + ListLocations). */
export async function locationOptions(seller: { merchantId: string }): Promise<{ options: LocationOption[]; mainLocationId: string | null }> {
  const profile = await getMerchantProfile(await squareFor(seller));
  return {
    options: profile.locations.filter((l) => l.status === "ACTIVE").map((l) => ({ id: l.id, name: l.name, currency: l.currency })),
    mainLocationId: profile.mainLocationId,
  };
}

/** A stored link as the form edits it (amounts back to the seller's decimal text). */
export function formValues(link: CheckoutLink): CheckoutLinkDraft {
  const text = (amount: number | null) => (amount === null ? "" : amountToDecimal(amount, link.currency));
  return {
    title: link.title,
    locationId: link.locationId,
    pricing: link.pricing,
    lineItems: link.lineItems.map((l) => ({ name: l.name, quantity: l.quantity, unitPrice: text(l.unitAmount) })),
    openMin: text(link.openMinAmount),
    openMax: text(link.openMaxAmount),
    offerSaveCard: link.offerSaveCard,
    active: link.active,
  };
}

export const emptyFormValues = (locationId: string): CheckoutLinkDraft => ({
  title: "",
  locationId,
  pricing: "items",
  lineItems: [{ name: "", quantity: 1, unitPrice: "" }],
  openMin: "",
  openMax: "",
  offerSaveCard: false,
  active: true,
});
