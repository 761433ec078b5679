import { createHash } from "node:crypto";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { z } from "zod";
import type { CheckoutFieldErrors, CheckoutSubmission } from "@/lib/validations/checkout";

/** The buyer as Square will see them: email lower-cased, phone in E.164, empty fields as null. */
export interface Buyer {
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
}

const email = z.email();

/**
 * Checks and normalises the buyer's details. Phone numbers without a country code are read as the
 * seller's country's. Returns field errors a buyer can act on when something is off.
 */
export function normaliseBuyer(
  input: Pick<CheckoutSubmission, "givenName" | "familyName" | "email" | "phone">,
  sellerCountry: string | null,
): { ok: true; buyer: Buyer } | { ok: false; fieldErrors: CheckoutFieldErrors } {
  const errors: CheckoutFieldErrors = {};
  const mail = input.email.toLowerCase() || null;
  if (mail && !email.safeParse(mail).success) errors.email = ["Enter a valid email address, like name@example.com."];
  let phone: string | null = null;
  if (input.phone) {
    const parsed = parsePhoneNumberFromString(input.phone, (sellerCountry ?? "US") as CountryCode);
    if (parsed?.isValid()) phone = parsed.number;
    else errors.phone = ["Enter a valid phone number (with the country code, like +44, if it is not a local number)."];
  }
  if (!mail && !input.phone) {
    const why = "Enter your email address or phone number, so the seller can send your receipt and find your order.";
    errors.email = [why];
    errors.phone = [why];
  }
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, buyer: { givenName: input.givenName || null, familyName: input.familyName || null, email: mail, phone } };
}

/** Stable across retries: the same email and phone always give the same key. */
export function buyerIdentityKey(buyer: Pick<Buyer, "email" | "phone">): string {
  return sha256(`${buyer.email ?? ""}|${buyer.phone ?? ""}`);
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}
