import { createHmac } from "node:crypto";
import type { Square } from "square";

/**
 * What the emulator can learn from a card number without keeping it: brand, BIN, last 4 and a
 * fingerprint. The Web Payments SDK stand-in validates the same rules in the browser for live
 * feedback (emulator/static/web-sdk/frame/card-rules.js); this module is the authority.
 */
interface BrandRule {
  brand: Square.CardBrand;
  prefix: RegExp;
  lengths: number[];
  cvvLength: number;
  /** China UnionPay numbers are not all Luhn-valid (Square's own test number is not). */
  luhn: boolean;
}

// Order matters: the first matching prefix wins.
const BRANDS: BrandRule[] = [
  { brand: "AMERICAN_EXPRESS", prefix: /^3[47]/, lengths: [15], cvvLength: 4, luhn: true },
  { brand: "DISCOVER_DINERS", prefix: /^3(0[0-5]|[689])/, lengths: [14, 15, 16], cvvLength: 3, luhn: true },
  { brand: "JCB", prefix: /^35(2[89]|[3-8])/, lengths: [16, 17, 18, 19], cvvLength: 3, luhn: true },
  { brand: "VISA", prefix: /^4/, lengths: [13, 16, 19], cvvLength: 3, luhn: true },
  { brand: "MASTERCARD", prefix: /^(5[1-5]|2[2-7])/, lengths: [16], cvvLength: 3, luhn: true },
  { brand: "DISCOVER", prefix: /^6(011|5|4[4-9])/, lengths: [16, 17, 18, 19], cvvLength: 3, luhn: true },
  { brand: "CHINA_UNIONPAY", prefix: /^62/, lengths: [16, 17, 18, 19], cvvLength: 3, luhn: false },
];

// A fixed key: fingerprints must agree across sellers and restarts, as Square's do across an app.
const FINGERPRINT_KEY = "patron-local-square/card-fingerprint/v1";

export const digitsOnly = (value: string) => value.replace(/[\s-]/g, "");

export function brandOf(pan: string): BrandRule | undefined {
  return BRANDS.find((rule) => rule.prefix.test(pan));
}

export function luhnValid(pan: string): boolean {
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let digit = Number(pan[pan.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Same number → same fingerprint, and the number cannot be recovered from it. */
export function fingerprintOf(pan: string): string {
  return "sq-1-" + createHmac("sha256", FINGERPRINT_KEY).update(digitsOnly(pan)).digest("base64url").slice(0, 40);
}

export type CardField = "cardNumber" | "expirationDate" | "cvv" | "postalCode";

export interface KeyedCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvv: string;
  postalCode: string;
}

/** Field-level problems with a keyed card, in the Web Payments SDK's words. */
export function keyedCardProblems(card: KeyedCard, nowMs: number): { field: CardField; message: string }[] {
  const problems: { field: CardField; message: string }[] = [];
  const pan = digitsOnly(card.number);
  const rule = /^\d+$/.test(pan) ? brandOf(pan) : undefined;
  if (!rule || !rule.lengths.includes(pan.length) || (rule.luhn && !luhnValid(pan)))
    problems.push({ field: "cardNumber", message: "Card number is not valid." });
  if (!expiryInFuture(card.expMonth, card.expYear, nowMs))
    problems.push({ field: "expirationDate", message: "Expiration date is not valid." });
  const cvvLength = rule?.cvvLength ?? 3;
  if (!new RegExp(`^\\d{${cvvLength}}$`).test(card.cvv)) problems.push({ field: "cvv", message: "CVV is not valid." });
  if (!/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(card.postalCode.trim()))
    problems.push({ field: "postalCode", message: "Postal code is not valid." });
  return problems;
}

/** A card is good through the last day of its expiry month. */
export function expiryInFuture(month: number, year: number, nowMs: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year)) return false;
  const fullYear = year < 100 ? 2000 + year : year;
  return Date.UTC(fullYear, month, 1) > nowMs;
}

export const normalizePostalCode = (value: string) => value.replace(/\s+/g, "").toUpperCase();
