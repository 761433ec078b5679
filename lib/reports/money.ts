import type { Money } from "@/lib/square/types";

/**
 * Money for charts (client components) and CSV cells, without lib/format's phone-number library.
 * Amounts stay integer minor units until this last step.
 */
const digitsCache = new Map<string, number>();

/** How many minor-unit digits the currency has (USD 2, JPY 0). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** "1234.50" from 123450 cents: exact (string arithmetic), for CSV cells a spreadsheet reads as a number. */
export function decimalAmount(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const whole = String(Math.abs(amount)).padStart(digits + 1, "0");
  return `${sign}${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
}

/** Major units as a number (chart axes only; never for sums). */
export const majorUnits = (money: Money): number => money.amount / 10 ** currencyDigits(money.currency);

const amountFormats = new Map<string, Intl.NumberFormat>();

export function formatAmount(money: Money, opts: { compact?: boolean } = {}): string {
  const notation = opts.compact ? "compact" : "standard";
  const key = `${money.currency}|${notation}`;
  let format = amountFormats.get(key);
  if (!format) amountFormats.set(key, (format = new Intl.NumberFormat("en-US", { style: "currency", currency: money.currency, notation })));
  return format.format(majorUnits(money));
}
