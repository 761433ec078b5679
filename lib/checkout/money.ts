// Money as buyers and sellers type it ("12.50") and as Patron keeps it (1250 minor units), with no
// floating point in between: the conversion works on the digits of the string.

/** How many minor-unit digits a currency has (USD 2, JPY 0), as Intl knows it. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "12.5" → 1250 for USD; null when the text is not a plain non-negative amount with at most the currency's decimals. */
export function parseAmount(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const m = /^\s*(\d{1,13})(?:[.,](\d*))?\s*$/.exec(text);
  if (!m) return null;
  const fraction = m[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(m[1] + fraction.padEnd(digits, "0"));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** 1250 → "12.50" for USD: the decimal string the Web Payments SDK's verification details expect. */
export function amountToDecimal(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
