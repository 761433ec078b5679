import { describe, expect, it } from "vitest";
import type { Location } from "@/lib/square/types";
import { CheckoutLinkFormSchema } from "@/lib/validations/checkout-links";
import { linkFieldsFromForm } from "./link-fields";

const locations: Location[] = [
  { id: "LOC1", name: "Café", status: "ACTIVE", currency: "USD", timezone: null },
  { id: "LOC2", name: "Tokyo", status: "ACTIVE", currency: "JPY", timezone: null },
  { id: "OLD", name: "Closed", status: "INACTIVE", currency: "USD", timezone: null },
];
const form = (v: Record<string, unknown>) => CheckoutLinkFormSchema.parse({ title: "Beans", locationId: "LOC1", pricing: "items", lineItems: [{ name: "Bag", quantity: "2", unitPrice: "12.50" }], ...v });

describe("a checkout link form as stored fields", () => {
  it("turns prices into minor units of the location's currency", () => {
    expect(linkFieldsFromForm(form({}), locations)).toMatchObject({ ok: true, fields: { currency: "USD", lineItems: [{ name: "Bag", quantity: 2, unitAmount: 1250 }] } });
    expect(linkFieldsFromForm(form({ locationId: "LOC2", lineItems: [{ name: "Tea", quantity: 1, unitPrice: "500" }] }), locations)).toMatchObject({
      ok: true,
      fields: { currency: "JPY", lineItems: [{ unitAmount: 500 }] },
    });
  });

  it("refuses another seller's or an inactive location, decimals the currency lacks, and reversed bounds", () => {
    expect(linkFieldsFromForm(form({ locationId: "SOMEONE_ELSES" }), locations)).toMatchObject({ ok: false, fieldErrors: { locationId: [expect.any(String)] } });
    expect(linkFieldsFromForm(form({ locationId: "OLD" }), locations)).toMatchObject({ ok: false });
    expect(linkFieldsFromForm(form({ locationId: "LOC2", lineItems: [{ name: "Tea", quantity: 1, unitPrice: "5.5" }] }), locations)).toMatchObject({
      ok: false,
      fieldErrors: { "lineItems.0.unitPrice": [expect.any(String)] },
    });
    expect(linkFieldsFromForm(form({ pricing: "open", lineItems: [], openMin: "10", openMax: "5" }), locations)).toMatchObject({ ok: false, fieldErrors: { openMax: [expect.any(String)] } });
    expect(linkFieldsFromForm(form({ pricing: "open", lineItems: [], openMin: "1", openMax: "250.00" }), locations)).toMatchObject({
      ok: true,
      fields: { lineItems: [], openMinAmount: 100, openMaxAmount: 25000 },
    });
  });

  it("needs a title, at least one item, and prices written as amounts", () => {
    const parsed = CheckoutLinkFormSchema.safeParse({ title: " ", locationId: "LOC1", pricing: "items", lineItems: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(["title", "lineItems"]);
    expect(CheckoutLinkFormSchema.safeParse({ title: "x", locationId: "LOC1", pricing: "items", lineItems: [{ name: "a", quantity: 1, unitPrice: "1.5e3" }] }).success).toBe(false);
  });
});
