import { z } from "zod";
import type { EmulatorContext } from "../context";
import { tables } from "../domain/tables";
import type { TokenVerification } from "../domain/payment-tokens";

/** A TokenResult error as the Web Payments SDK reports it: `{ type, message, field? }`. */
export interface TokenError {
  type: string;
  message: string;
  field?: string;
}

export class TokenizeFailure extends Error {
  constructor(
    readonly status: "Error" | "Invalid",
    readonly errors: TokenError[],
  ) {
    super(errors.map((e) => e.message).join(" "));
  }
}

const fail = (type: string, message: string) => new TokenizeFailure("Error", [{ type, message }]);

/**
 * The seller a browser form belongs to, from what `Square.payments(applicationId, locationId)` was
 * given: the one local application, and a location that some seller owns and keeps active.
 */
export function sellerFor(ctx: EmulatorContext, applicationId: string, locationId: string | undefined) {
  if (applicationId !== ctx.config.applicationId)
    throw fail("INVALID_APPLICATION_ID", `Unknown application ID "${applicationId}" for this local Square.`);
  if (!locationId) throw fail("LOCATION_NOT_FOUND", "A location ID is required: call payments(applicationId, locationId).");
  const locations = tables(ctx.store).locations;
  for (const merchantId of locations.sellers()) {
    const location = locations.get(merchantId, locationId);
    if (location?.status === "ACTIVE") return { merchantId, location };
  }
  throw fail("LOCATION_NOT_FOUND", `Location "${locationId}" was not found or is not active.`);
}

const Contact = z
  .object({
    givenName: z.string(),
    familyName: z.string(),
    addressLines: z.array(z.string()),
    city: z.string(),
    state: z.string(),
    postalCode: z.string(),
    countryCode: z.string(),
    email: z.string(),
    phone: z.string(),
  })
  .partial();

const common = { billingContact: Contact, customerInitiated: z.boolean().optional(), sellerKeyedIn: z.boolean().optional() };

// The SDK's ChargeCardVerificationDetails / StoreCardVerificationDetails (and verifyBuyer's variants).
const VerificationDetails = z.union([
  z.object({
    intent: z.enum(["CHARGE", "CHARGE_AND_STORE"]),
    amount: z.string().regex(/^\d+(\.\d{1,2})?$/, "amount must be a decimal string such as \"1.00\""),
    currencyCode: z.string().regex(/^[A-Z]{3}$/, "currencyCode must be an ISO 4217 code"),
    ...common,
  }),
  z.object({ intent: z.literal("STORE"), ...common }),
]);

export type VerificationDetails = z.infer<typeof VerificationDetails>;

export function parseVerificationDetails(raw: unknown): VerificationDetails {
  const parsed = VerificationDetails.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw fail("INVALID_VERIFICATION_DETAILS", `Invalid verification details${issue.path.length ? ` (${issue.path.join(".")})` : ""}: ${issue.message}`);
}

export function verificationFrom(ctx: EmulatorContext, details: VerificationDetails, userChallenged: boolean): TokenVerification {
  return {
    intent: details.intent,
    userChallenged,
    verifiedAt: ctx.clock.iso(),
    ...("amount" in details ? { amount: details.amount, currencyCode: details.currencyCode } : {}),
  };
}

export const verificationFailed = () => fail("VERIFICATION_FAILED", "The card issuer could not verify the buyer.");
