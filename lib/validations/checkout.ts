import { z } from "zod";
import { UNREADABLE_FORM } from "./form";

const VERIFY_AGAIN = "The card verification is incomplete; enter your card again.";
const CARD_NUMBER = /^[\d\s-]{12,}$/;
const TOKEN = /^[a-z]{2,10}:\S+$/;

/**
 * A payment token from Square's card or gift card form ("cnon:…"). A card number is refused outright:
 * only Square's iframe may see one, and passing it on would be worse than failing.
 */
export const paymentToken = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing, abort: true })
    .max(16384, { error: "The payment token is too long.", abort: true })
    .superRefine((token, ctx) => {
      if (CARD_NUMBER.test(token)) ctx.addIssue({ code: "custom", message: "That is a card number. Enter the card in the card form; card numbers are never sent to this server." });
      else if (!TOKEN.test(token)) ctx.addIssue({ code: "custom", message: "That is not a payment token from the card form. Enter your card again." });
    });

/** What the payment page (or a mobile app) submits. Amounts are integer minor units, never floats. */
export const CheckoutSubmissionSchema = z.object(
  {
    linkId: z.string({ error: "Missing checkout link." }).trim().min(1, "Missing checkout link.").max(64, "Unknown checkout link."),
    attemptId: z.uuid({ error: "The checkout attempt id must be a UUID." }),
    sourceId: paymentToken("Card details are missing; enter your card again."),
    verificationToken: z.string({ error: VERIFY_AGAIN }).trim().min(1, VERIFY_AGAIN).max(16384, VERIFY_AGAIN).optional(),
    givenName: z.string({ error: "Enter your first name as text." }).trim().max(100, "Use at most 100 characters.").default(""),
    familyName: z.string({ error: "Enter your last name as text." }).trim().max(100, "Use at most 100 characters.").default(""),
    email: z.string({ error: "Enter your email address as text." }).trim().max(254, "That email address is too long.").default(""),
    phone: z.string({ error: "Enter your phone number as text." }).trim().max(32, "That phone number is too long.").default(""),
    saveCard: z.boolean({ error: "Tick or untick the box to save your card (true or false)." }).default(false),
    /** Only for open-amount links: what the buyer chose to pay, in minor units. */
    amount: z
      .number({ error: "Enter an amount." })
      .int("Enter the amount in whole cents.")
      .positive("Enter an amount above zero.")
      .max(Number.MAX_SAFE_INTEGER, "That amount is too large.")
      .nullable()
      .default(null),
  },
  { error: UNREADABLE_FORM },
);

export type CheckoutSubmission = z.infer<typeof CheckoutSubmissionSchema>;

/** Field errors keyed by submission field, each with the messages a buyer should see. */
export type CheckoutFieldErrors = Partial<Record<keyof CheckoutSubmission, string[]>>;

export function checkoutFieldErrors(error: z.ZodError): CheckoutFieldErrors {
  const out: CheckoutFieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form") as keyof CheckoutSubmission;
    (out[field] ??= []).push(issue.message);
  }
  return out;
}
