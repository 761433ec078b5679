import { z } from "zod";
import { UNREADABLE_FORM } from "./form";

// What the 360 page's card and gift card forms send. Ids are only shapes here; the server then
// checks that each one is the signed-in seller's and this customer's, in the mirror.

export const CustomerIdSchema = z.string({ error: "A customer is needed." }).trim().min(1, "A customer is needed.").max(191, "Unknown customer.");

const consent = z.literal(true, { error: "Tick the box to confirm the customer agreed to have this card saved." });

export const SaveCardSchema = z.object(
  {
    customerId: CustomerIdSchema,
    /** The Web Payments SDK's token, tokenized with intent STORE. */
    sourceId: z.string({ error: "Enter the card first." }).trim().startsWith("cnon:", "Enter the card again.").max(16384, "Enter the card again."),
    /** The postal code typed into the card form (Square checks it against the token's). */
    postalCode: z.string({ error: "The postal code must be text." }).trim().max(20, "That postal code is too long.").default(""),
    cardholderName: z.string({ error: "The cardholder name must be text." }).trim().max(300, "That name is too long.").default(""),
    /** Minted by the form and kept across retries of one save, so a retry finds a card an earlier try made. */
    attemptId: z.uuid({ error: "Reload the page and try again." }).optional(),
    consent,
  },
  { error: UNREADABLE_FORM },
);

export const SaveCardFromPaymentSchema = z.object(
  {
    customerId: CustomerIdSchema,
    paymentId: z.string({ error: "Choose a payment." }).trim().min(1, "Choose a payment.").max(192, "Unknown payment."),
    consent,
  },
  { error: UNREADABLE_FORM },
);

export const DisableCardSchema = z.object(
  {
    customerId: CustomerIdSchema,
    cardId: z.string({ error: "Choose a card." }).trim().min(1, "Choose a card.").max(192, "Unknown card."),
  },
  { error: UNREADABLE_FORM },
);

export const LinkGiftCardSchema = z.object(
  {
    customerId: CustomerIdSchema,
    /** Spaces and dashes people type between groups of digits are dropped. */
    gan: z
      .string({ error: "Enter the gift card number." })
      .transform((g) => g.replace(/[\s-]/g, ""))
      .pipe(z.string().min(1, { error: "Enter the gift card number.", abort: true }).regex(/^[A-Za-z0-9]{8,20}$/, "A gift card number has 8 to 20 letters and digits (Square's have 16 digits).")),
  },
  { error: UNREADABLE_FORM },
);

export const UnlinkGiftCardSchema = z.object(
  {
    customerId: CustomerIdSchema,
    giftCardId: z.string({ error: "Choose a gift card." }).trim().min(1, "Choose a gift card.").max(192, "Unknown gift card."),
  },
  { error: UNREADABLE_FORM },
);

/** Zod issues as field errors keyed by the input's top-level field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return out;
}
