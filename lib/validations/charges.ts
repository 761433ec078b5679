import { z } from "zod";
import type { AmountRules } from "@/lib/money/parse-amount";
import { CustomerIdSchema } from "./cards";
import { UNREADABLE_FORM, wholeQuantity } from "./form";
import { amountText } from "./money";

// Charges on file and new orders for a customer. Amounts arrive as the text the seller typed and
// leave as integer cents; the rules (currency, maximum) are the seller's.

/** One attempt of the form: the order's idempotency key comes from it, the payment's from it and the source. */
const AttemptId = z.uuid({ error: "Reload the page and try again." });

/** A card on file or a gift card on file: the only sources a seller may charge. */
const SourceId = z
  .string({ error: "Choose a card or gift card to charge." })
  .trim()
  .regex(/^(ccof|gftc):[\w:-]{1,190}$/, "Choose a card or gift card to charge.");

const lineItem = (rules: AmountRules) =>
  z.object(
    {
      name: z.string({ error: "Name the item." }).trim().min(1, "Name the item.").max(512, "An item name can be at most 512 characters."),
      quantity: wholeQuantity({ invalid: "Enter a whole quantity.", min: [1, "The quantity must be at least 1."], max: [9999, "The quantity can be at most 9999."] }),
      price: amountText(rules),
    },
    { error: "Each item needs a name, a quantity and a price." },
  );

const note = z.string({ error: "A note must be text." }).trim().max(500, "A note can be at most 500 characters.").default("");
const items = (rules: AmountRules) => z.array(lineItem(rules), { error: (issue) => (issue.input === undefined ? "Add at least one item." : "Add the items as a list.") }).max(50, "At most 50 items.");

export const chargeSchema = (rules: AmountRules) =>
  z.object(
    {
      customerId: CustomerIdSchema,
      attemptId: AttemptId,
      sourceId: SourceId,
      amount: amountText(rules),
      note,
      lineItems: items(rules).default([]),
    },
    { error: UNREADABLE_FORM },
  );

export const newOrderSchema = (rules: AmountRules) =>
  z.object(
    {
      customerId: CustomerIdSchema,
      attemptId: AttemptId,
      lineItems: items(rules).min(1, "Add at least one item."),
      /** Pay now with this card or gift card on file; null leaves the order OPEN. */
      payWith: SourceId.nullable().default(null),
      note,
    },
    { error: UNREADABLE_FORM },
  );

export type ChargeInput = z.infer<ReturnType<typeof chargeSchema>>;
export type NewOrderInput = z.infer<ReturnType<typeof newOrderSchema>>;
export type LineItemInput = ChargeInput["lineItems"][number];

/** Field errors keyed as the form names its fields: "amount", "lineItems.0.price"… */
export function chargeFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.map(String).join(".") || "form"] ??= []).push(issue.message);
  return out;
}

/** The items' total in cents (integers all the way). */
export const itemsTotal = (items: LineItemInput[]): number => items.reduce((sum, l) => sum + l.quantity * l.price, 0);
