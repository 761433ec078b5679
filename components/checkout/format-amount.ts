import { amountToDecimal } from "@/lib/checkout/money";

/** 2899, "USD" → "$28.99" (display only; amounts stay integers everywhere else). */
export function formatAmount(amount: number, currency: string, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amountToDecimal(amount, currency)));
}
