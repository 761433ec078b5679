import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { z } from "zod";
import type { CustomerFields } from "@/lib/square/customer-writes";
import { UNREADABLE_FORM } from "./form";

// The customer form, checked with Square's own rules before Square sees it: lengths, at least one
// identity field, a real email address and phone number, a birthday Square accepts.

const text = (max: number, what = "This") => z.string({ error: "Must be text." }).trim().max(max, `${what} can be at most ${max} characters.`).default("");

export const CustomerFormSchema = z.object(
  {
    givenName: text(300, "A first name"),
    familyName: text(300, "A last name"),
    companyName: text(500, "A company name"),
    emailAddress: text(254, "An email address"),
    phoneNumber: text(32, "A phone number"),
    birthday: text(10, "A birthday"),
    referenceId: text(100, "A reference ID"),
    note: text(2000, "A note"),
    addressLine1: text(500),
    addressLine2: text(500),
    locality: text(200),
    administrativeDistrictLevel1: text(200),
    postalCode: text(20),
    country: text(50, "A country code").transform((c) => c.toUpperCase()),
  },
  { error: UNREADABLE_FORM },
);

export type CustomerFormValues = z.infer<typeof CustomerFormSchema>;
export type CustomerFieldErrors = Partial<Record<keyof CustomerFormValues | "form", string[]>>;

export const EMPTY_CUSTOMER_FORM: CustomerFormValues = {
  givenName: "",
  familyName: "",
  companyName: "",
  emailAddress: "",
  phoneNumber: "",
  birthday: "",
  referenceId: "",
  note: "",
  addressLine1: "",
  addressLine2: "",
  locality: "",
  administrativeDistrictLevel1: "",
  postalCode: "",
  country: "",
};

const IDENTITY = ["givenName", "familyName", "companyName", "emailAddress", "phoneNumber"] as const;
const email = z.email();

/** Checks the form and turns it into Square's fields (phone in E.164, read in the seller's country when it has no +). */
export function customerFieldsFromForm(
  values: CustomerFormValues,
  sellerCountry: string | null,
): { ok: true; fields: CustomerFields } | { ok: false; fieldErrors: CustomerFieldErrors } {
  const errors: CustomerFieldErrors = {};
  if (!IDENTITY.some((k) => values[k])) errors.form = ["Give at least a first name, last name, company, email or phone number."];
  if (values.emailAddress && !email.safeParse(values.emailAddress).success) errors.emailAddress = ["Enter a valid email address, like name@example.com."];
  let phone: string | null = null;
  if (values.phoneNumber) {
    const parsed = parsePhoneNumberFromString(values.phoneNumber, (sellerCountry ?? "US") as CountryCode);
    if (parsed?.isValid()) phone = parsed.number;
    else errors.phoneNumber = ["Enter a real phone number, with the country code (like +44) if it isn't a local number."];
  }
  if (values.birthday && !validBirthday(values.birthday)) errors.birthday = ["Enter the birthday as YYYY-MM-DD, or MM-DD without the year."];
  if (values.country && !/^[A-Z]{2}$/.test(values.country)) errors.country = ["Use the two-letter country code, like US or GB."];
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  const v = (s: string) => s || null;
  const address = {
    addressLine1: v(values.addressLine1),
    addressLine2: v(values.addressLine2),
    locality: v(values.locality),
    administrativeDistrictLevel1: v(values.administrativeDistrictLevel1),
    postalCode: v(values.postalCode),
    country: v(values.country),
  };
  return {
    ok: true,
    fields: {
      givenName: v(values.givenName),
      familyName: v(values.familyName),
      companyName: v(values.companyName),
      emailAddress: v(values.emailAddress),
      phoneNumber: phone,
      birthday: v(values.birthday),
      referenceId: v(values.referenceId),
      note: v(values.note),
      address: Object.values(address).some(Boolean) ? address : null,
    },
  };
}

/** YYYY-MM-DD or MM-DD (Square's two forms), a real date; 02-29 without a year is allowed. */
function validBirthday(b: string): boolean {
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(b);
  if (!m) return false;
  const [year, month, day] = [Number(m[1] ?? 2000), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900 && date.getTime() <= Date.now();
}

/** A profile as the form shows it (Square returns birthdays without a year as 0000-MM-DD). */
export function formValuesFromProfile(p: {
  givenName: string | null;
  familyName: string | null;
  companyName: string | null;
  emailAddress: string | null;
  phoneNumber: string | null;
  birthday: string | null;
  referenceId: string | null;
  note: string | null;
  address: CustomerFields["address"];
}): CustomerFormValues {
  const a = p.address;
  return {
    givenName: p.givenName ?? "",
    familyName: p.familyName ?? "",
    companyName: p.companyName ?? "",
    emailAddress: p.emailAddress ?? "",
    phoneNumber: p.phoneNumber ?? "",
    birthday: p.birthday?.replace(/^0000-/, "") ?? "",
    referenceId: p.referenceId ?? "",
    note: p.note ?? "",
    addressLine1: a?.addressLine1 ?? "",
    addressLine2: a?.addressLine2 ?? "",
    locality: a?.locality ?? "",
    administrativeDistrictLevel1: a?.administrativeDistrictLevel1 ?? "",
    postalCode: a?.postalCode ?? "",
    country: a?.country ?? "",
  };
}

export function customerFieldErrors(error: z.ZodError): CustomerFieldErrors {
  const out: Record<string, string[]> = {};
  const add = (key: string, message: string) => {
    const list = (out[key] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    // The seller's own fields arrive under "values"; a field they cannot see (the form's attempt,
    // version, the values it started from) is named too, and said where the form shows problems.
    const field = path[0] === "values" ? path[1] : path.length === 1 ? path[0] : undefined;
    if (field && field in EMPTY_CUSTOMER_FORM) add(field, issue.message);
    else {
      if (path[0]) add(path[0], issue.message);
      add("form", issue.message);
    }
  }
  return out;
}
