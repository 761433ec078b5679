import { formatAmount } from "@/lib/reports/money";

/** Axis and tooltip labels shared by the charts (amounts arrive in minor units). */
export const moneyTick = (currency: string) => (amount: number) => formatAmount({ amount, currency }, { compact: true });
export const moneyLabel = (currency: string) => (amount: number) => formatAmount({ amount, currency });

/** "Mar 3" from "2026-03-03" (a calendar date, so no time zone shift). */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
