import { z } from "zod";
import { paymentToken, type CheckoutSubmission } from "./checkout";

const TEXT = "Must be a string.";

/**
 * The body of POST /api/pay/{linkId} (public/openapi/checkout.json), in Square's snake_case. Unknown
 * keys are refused, as Square refuses them, so a misspelt field is an error rather than ignored.
 */
export const CheckoutApiRequestSchema = z.strictObject(
  {
    attempt_id: z.uuid({ error: "Must be a UUID, minted once per purchase and reused on every retry." }),
    source_id: paymentToken("The payment token from the Web or In-App Payments SDK is required."),
    verification_token: z.string({ error: TEXT }).trim().min(1, "Must not be empty.").max(16384, "Too long.").optional(),
    buyer: z
      .strictObject(
        {
          given_name: z.string({ error: TEXT }).trim().max(100, "Use at most 100 characters.").optional(),
          family_name: z.string({ error: TEXT }).trim().max(100, "Use at most 100 characters.").optional(),
          email_address: z.string({ error: TEXT }).trim().max(254, "Too long.").optional(),
          phone_number: z.string({ error: TEXT }).trim().max(32, "Too long.").optional(),
        },
        { error: "Must be an object with the buyer's given_name, family_name, email_address and phone_number." },
      )
      .default({}),
    save_card: z.boolean({ error: "Must be true or false." }).default(false),
    amount: z
      .number({ error: "Must be an integer amount in minor units." })
      .int("Must be an integer amount in minor units.")
      .positive("Must be above zero.")
      .max(Number.MAX_SAFE_INTEGER, "Too large.")
      .optional(),
  },
  { error: "The body must be a JSON object (see public/openapi/checkout.json)." },
);

export type CheckoutApiRequest = z.infer<typeof CheckoutApiRequestSchema>;

export function submissionFromApi(linkId: string, body: CheckoutApiRequest): CheckoutSubmission {
  return {
    linkId,
    attemptId: body.attempt_id,
    sourceId: body.source_id,
    verificationToken: body.verification_token,
    givenName: body.buyer.given_name ?? "",
    familyName: body.buyer.family_name ?? "",
    email: body.buyer.email_address ?? "",
    phone: body.buyer.phone_number ?? "",
    saveCard: body.save_card,
    amount: body.amount ?? null,
  };
}

/** Where each submission field lives in the API body, for error messages that name the API's field. */
export const API_FIELD: Record<keyof CheckoutSubmission, string> = {
  linkId: "link_id",
  attemptId: "attempt_id",
  sourceId: "source_id",
  verificationToken: "verification_token",
  givenName: "buyer.given_name",
  familyName: "buyer.family_name",
  email: "buyer.email_address",
  phone: "buyer.phone_number",
  saveCard: "save_card",
  amount: "amount",
};
