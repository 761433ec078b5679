import { z } from "zod";
import { UNREADABLE_FORM, wholeQuantity } from "./form";

const MAX_LINES = 20;

/** A price as the seller types it ("4.50"); turned into minor units once the location's currency is known. */
const price = z
  .string({ error: "Enter a price." })
  .trim()
  .regex(/^\d{1,7}([.,]\d{0,3})?$/, "Enter a price like 4.50.");

export const CheckoutLinkLineSchema = z.object(
  {
    name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
    quantity: wholeQuantity({ invalid: "Enter a whole number.", min: [1, "At least 1."], max: [999, "At most 999."] }),
    unitPrice: price,
  },
  { error: "Each item needs a name, a quantity and a price." },
);

/** The dashboard's checkout link form. Amounts are strings here and integers everywhere after. */
export const CheckoutLinkFormSchema = z
  .object(
    {
      title: z.string({ error: "Enter a title." }).trim().min(1, "Enter a title buyers will see.").max(100, "Use at most 100 characters."),
      locationId: z.string({ error: "Choose a location." }).trim().min(1, "Choose a location.").max(64, "Choose one of your active locations."),
      pricing: z.enum(["items", "open"], { error: "Choose fixed items or an open amount." }),
      lineItems: z.array(CheckoutLinkLineSchema, { error: "Add the items as a list." }).max(MAX_LINES, `At most ${MAX_LINES} items.`).default([]),
      openMin: z.string({ error: "Enter the smallest amount, like 1.00." }).trim().default(""),
      openMax: z.string({ error: "Enter the largest amount, like 100.00." }).trim().default(""),
      offerSaveCard: z.boolean({ error: "Turn offering to save the card on or off." }).default(false),
      active: z.boolean({ error: "Turn the link on or off." }).default(true),
    },
    { error: UNREADABLE_FORM },
  )
  .superRefine((v, ctx) => {
    if (v.pricing === "items" && v.lineItems.length === 0) ctx.addIssue({ code: "custom", path: ["lineItems"], message: "Add at least one item." });
    if (v.pricing === "open") {
      if (!price.safeParse(v.openMin).success) ctx.addIssue({ code: "custom", path: ["openMin"], message: "Enter the smallest amount, like 1.00." });
      if (!price.safeParse(v.openMax).success) ctx.addIssue({ code: "custom", path: ["openMax"], message: "Enter the largest amount, like 100.00." });
    }
  });

export type CheckoutLinkForm = z.infer<typeof CheckoutLinkFormSchema>;

/** A line as the form holds it: the price stays text until the server turns it into an integer. */
export interface LineDraft {
  name: string;
  quantity: number;
  unitPrice: string;
}

/** The form's values in the browser, before validation. */
export type CheckoutLinkDraft = Omit<CheckoutLinkForm, "lineItems"> & { lineItems: LineDraft[] };

export interface LocationOption {
  id: string;
  name: string;
  currency: string | null;
}
export type CheckoutLinkFieldErrors = Record<string, string[]>;

/** Zod issues keyed by dotted path ("lineItems.0.unitPrice"), as the form shows them. */
export function linkFieldErrors(error: z.ZodError): CheckoutLinkFieldErrors {
  const out: CheckoutLinkFieldErrors = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return out;
}
