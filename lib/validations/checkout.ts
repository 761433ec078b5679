import { z } from "zod";

/** What the payment page (or a mobile app) submits. Amounts are integer minor units, never floats. */
export const CheckoutSubmissionSchema = z.object({
  linkId: z.string().trim().min(1, "Missing checkout link.").max(64, "Unknown checkout link."),
  attemptId: z.uuid({ error: "The checkout attempt id must be a UUID." }),
  sourceId: z
    .string({ error: "Card details are missing; enter your card again." })
    .trim()
    .min(1, "Card details are missing; enter your card again.")
    .max(16384, "The payment token is too long."),
  verificationToken: z.string().trim().min(1).max(16384).optional(),
  givenName: z.string().trim().max(100, "Use at most 100 characters.").default(""),
  familyName: z.string().trim().max(100, "Use at most 100 characters.").default(""),
  email: z.string().trim().max(254, "That email address is too long.").default(""),
  phone: z.string().trim().max(32, "That phone number is too long.").default(""),
  saveCard: z.boolean({ error: "saveCard must be true or false." }).default(false),
  /** Only for open-amount links: what the buyer chose to pay, in minor units. */
  amount: z
    .number({ error: "Enter an amount." })
    .int("Enter the amount in whole cents.")
    .positive("Enter an amount above zero.")
    .max(Number.MAX_SAFE_INTEGER, "That amount is too large.")
    .nullable()
    .default(null),
});

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
