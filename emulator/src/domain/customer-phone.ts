import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/**
 * Phone numbers as Square treats them on customer profiles: stored exactly as sent, accepted only
 * when they are real numbers in their country's numbering plan ("max" metadata, so the classic
 * +1 555-555-5555 is refused), and compared in E.164 when searching. Numbers without a `+` are
 * read in the seller's country.
 */
const ALLOWED_CHARACTERS = /^\+?[\d\s().-]+$/;

export function isValidPhoneNumber(phone: string, sellerCountry?: string): boolean {
  const trimmed = phone.trim();
  if (!ALLOWED_CHARACTERS.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, "").length;
  if (digits < 9 || digits > 16) return false;
  return parsePhoneNumberFromString(trimmed, defaultCountry(sellerCountry))?.isValid() ?? false;
}

/** The number in E.164 (`+14155550123`), or undefined when it cannot be read as a phone number. */
export function toE164(phone: string, sellerCountry?: string): string | undefined {
  if (!/\d/.test(phone)) return undefined;
  return parsePhoneNumberFromString(phone.trim(), defaultCountry(sellerCountry))?.number;
}

function defaultCountry(country?: string): CountryCode | undefined {
  return country && isSupportedCountry(country) ? country : undefined;
}
