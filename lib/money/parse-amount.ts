import { currencyDigits } from "@/lib/checkout/money";
import { formatAmount } from "@/lib/reports/money";

// What a seller types into an amount box ("12.50", "$1,250", "0.5") as integer minor units. The
// conversion works on the digits of the string, never through a floating-point number, so 0.1 + 0.2
// problems cannot turn $19.99 into 1998 cents.

export type AmountParse = { ok: true; amount: number } | { ok: false; message: string };

export interface AmountRules {
  currency: string;
  /** The largest amount allowed, in minor units. */
  max: number;
}

const SHAPE = /^(-)?\s*(?:[$€£]|US\$)?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/** "12.5" → 1250 (USD), or a sentence saying what is wrong with the amount. */
export function parseAmountInput(text: string, rules: AmountRules): AmountParse {
  const digits = currencyDigits(rules.currency);
  const example = digits ? "12.50" : "1250";
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: "Enter an amount." };
  const m = SHAPE.exec(trimmed);
  if (!m || (m[2] === undefined && !m[3])) return { ok: false, message: `Enter the amount as a number, like ${example}.` };
  const [, minus, whole = "0", fraction = ""] = m;
  if (minus) return { ok: false, message: "Enter an amount above zero; refunds are made in Square." };
  if (fraction.length > digits)
    return { ok: false, message: digits ? `Use at most ${digits} decimal places (${rules.currency} has ${digits === 2 ? "cents" : "minor units"}).` : `${rules.currency} has no decimal places.` };
  const wholeDigits = whole.replace(/,/g, "").replace(/^0+(?=\d)/, "");
  // Longer than any allowed amount: refuse before Number() could lose precision.
  if (wholeDigits.length > 13) return { ok: false, message: tooMuch(rules) };
  const amount = Number(wholeDigits + fraction.padEnd(digits, "0"));
  if (amount === 0) return { ok: false, message: "Enter an amount above zero." };
  if (amount > rules.max) return { ok: false, message: tooMuch(rules) };
  return { ok: true, amount };
}

const tooMuch = (rules: AmountRules) => `The most you can charge at once is ${formatAmount({ amount: rules.max, currency: rules.currency })}.`;
