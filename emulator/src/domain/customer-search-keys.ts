import type { Square } from "square";
import { toE164 } from "./customer-phone";

/** What SearchCustomers compares, normalised once per stored row instead of once per request. */
export interface SearchKeys {
  email: string; // lower case
  emailTokens: string; // lower-case alphanumeric tokens joined by spaces
  phoneE164: string;
  phoneDigits: string;
  reference: string;
  referenceTokens: string;
  /** DEFAULT sort: given + family name, else another identity field. */
  sortName: string;
  createdMs: number;
  updatedMs: number;
}

// Keyed by row object: the store replaces rows on every write, so a new row gets new keys.
const cache = new WeakMap<Square.Customer, { updatedAt?: string; country?: string; keys: SearchKeys }>();

export function searchKeys(customer: Square.Customer, sellerCountry?: string): SearchKeys {
  const hit = cache.get(customer);
  if (hit && hit.updatedAt === customer.updatedAt && hit.country === sellerCountry) return hit.keys;
  const keys = computeKeys(customer, sellerCountry);
  cache.set(customer, { updatedAt: customer.updatedAt, country: sellerCountry, keys });
  return keys;
}

/** Lower-case alphanumeric runs: `Steven.Johnson@gmail.com` → `steven johnson gmail com`. */
export function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function computeKeys(c: Square.Customer, country?: string): SearchKeys {
  const phone = c.phoneNumber ?? "";
  const e164 = phone ? (toE164(phone, country) ?? "") : "";
  const name = [c.givenName, c.familyName].filter(Boolean).join(" ");
  return {
    email: (c.emailAddress ?? "").toLowerCase(),
    emailTokens: tokens(c.emailAddress ?? "").join(" "),
    phoneE164: e164,
    phoneDigits: (e164 || phone).replace(/\D/g, ""),
    reference: (c.referenceId ?? "").toLowerCase(),
    referenceTokens: tokens(c.referenceId ?? "").join(" "),
    sortName: (name || c.companyName || c.emailAddress || c.phoneNumber || "").toLowerCase(),
    createdMs: Date.parse(c.createdAt ?? "") || 0,
    updatedMs: Date.parse(c.updatedAt ?? "") || 0,
  };
}
