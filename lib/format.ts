import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { Customer, Money } from "@/lib/square/types";

/** A customer's name as a person reads it, falling back to company, email or phone. */
export function customerDisplayName(c: Pick<Customer, "givenName" | "familyName" | "companyName" | "emailAddress" | "phoneNumber">): string {
  const name = [c.givenName, c.familyName].filter(Boolean).join(" ");
  return name || c.companyName || c.emailAddress || c.phoneNumber || "Unnamed customer";
}

// Building an Intl formatter costs far more than formatting with one, and list pages format hundreds of values.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

export function formatDate(iso: string | null, locale = "en-US"): string {
  if (!iso) return "—";
  return formatter(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "medium" })).format(new Date(iso));
}

export function formatMoney(money: Money | null, locale = "en-US"): string {
  if (!money) return "—";
  const format = formatter(`money|${locale}|${money.currency}`, () => new Intl.NumberFormat(locale, { style: "currency", currency: money.currency }));
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

/** Square stores phone numbers as entered (often E.164); show them grouped the international way. */
export function formatPhone(phone: string | null): string {
  if (!phone) return "—";
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
}

/** A gift card number as "•••• 0000": enough to tell cards apart, not enough to spend one. */
export const maskGan = (gan: string | null): string => (gan ? `•••• ${gan.slice(-4)}` : "—");

export function formatDateTime(iso: string | null, locale = "en-US"): string {
  if (!iso) return "—";
  return formatter(`datetime|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" })).format(new Date(iso));
}
