import type { Square } from "square";
import type { SquareErrorItem } from "../http/errors";
import { isValidPhoneNumber } from "./customer-phone";

/** The writable fields of a customer profile (CreateCustomer, BulkCreate entries, updates). */
export type CustomerFields = Pick<
  Square.Customer,
  | "givenName"
  | "familyName"
  | "companyName"
  | "nickname"
  | "emailAddress"
  | "address"
  | "phoneNumber"
  | "referenceId"
  | "note"
  | "birthday"
  | "taxIds"
>;

export const CUSTOMER_FIELD_NAMES: Record<keyof CustomerFields, string> = {
  givenName: "given_name",
  familyName: "family_name",
  companyName: "company_name",
  nickname: "nickname",
  emailAddress: "email_address",
  address: "address",
  phoneNumber: "phone_number",
  referenceId: "reference_id",
  note: "note",
  birthday: "birthday",
  taxIds: "tax_ids",
};

/** A profile needs at least one of these to be created, listed or searched. */
export const IDENTITY_FIELDS = ["givenName", "familyName", "companyName", "emailAddress", "phoneNumber"] as const;

const MAX_LENGTH: Partial<Record<keyof CustomerFields, number>> = {
  givenName: 300,
  familyName: 300,
  companyName: 500,
  nickname: 100,
  emailAddress: 254,
  referenceId: 100,
};

// Deliberately plain: one @, no spaces, a dot in the domain, no empty labels.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function hasIdentity(customer: Partial<CustomerFields>): boolean {
  return IDENTITY_FIELDS.some((f) => !!customer[f]);
}

export function identityError(field?: string): SquareErrorItem {
  return {
    category: "INVALID_REQUEST_ERROR",
    code: "MISSING_REQUIRED_PARAMETER",
    detail: "At least one of given_name, family_name, company_name, email_address or phone_number must be set.",
    ...(field ? { field } : {}),
  };
}

/**
 * Square's field rules for the values present in `fields` (absent and null values are not
 * checked). Returns every problem, so one response can name them all.
 */
export function validateCustomerFields(fields: Partial<CustomerFields>, sellerCountry?: string): SquareErrorItem[] {
  const problems: SquareErrorItem[] = [];
  const fail = (code: string, key: keyof CustomerFields | string, detail: string) =>
    problems.push({ category: "INVALID_REQUEST_ERROR", code, detail, field: fieldName(key) });

  for (const [key, max] of Object.entries(MAX_LENGTH) as [keyof CustomerFields, number][]) {
    const value = fields[key];
    if (typeof value === "string" && [...value].length > max)
      fail("VALUE_TOO_LONG", key, `Field must not be longer than ${max} characters.`);
  }
  if (fields.emailAddress && !EMAIL.test(fields.emailAddress))
    fail("INVALID_EMAIL_ADDRESS", "emailAddress", "Invalid email address.");
  if (fields.phoneNumber && !isValidPhoneNumber(fields.phoneNumber, sellerCountry))
    fail("INVALID_PHONE_NUMBER", "phoneNumber", "Invalid phone number.");
  if (fields.birthday && !normaliseBirthday(fields.birthday))
    fail("INVALID_TIME", "birthday", "Birthday must be in the form YYYY-MM-DD or MM-DD.");
  const vat = fields.taxIds?.euVat;
  if (vat && (vat.length > 20 || !/^[A-Za-z0-9]+$/.test(vat)))
    fail(vat.length > 20 ? "VALUE_TOO_LONG" : "INVALID_VALUE", "tax_ids.eu_vat", "EU VAT ids are at most 20 letters and digits.");
  return problems;
}

/** `YYYY-MM-DD` stays, `MM-DD` becomes `0000-MM-DD`; anything that is not a calendar date is undefined. */
export function normaliseBirthday(value: string): string | undefined {
  const match = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, year = "0000", month, day] = match;
  const m = Number(month);
  const d = Number(day);
  // Year 0000 (no year given) is treated as a leap year so 02-29 birthdays are accepted.
  const y = Number(year) || 2000;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth) return undefined;
  return `${year}-${month}-${day}`;
}

function fieldName(key: string): string {
  return (CUSTOMER_FIELD_NAMES as Record<string, string>)[key] ?? key;
}
