import type { Money } from "@/lib/square/types";
import type { TenderMixEntry } from "@/lib/db/queries/reports";

export type TenderGroupName = "Card" | "Gift card" | "Other";

export interface TenderGroup {
  name: TenderGroupName;
  revenue: Money;
  payments: number;
  /** 0–1 of the range's revenue. */
  share: number;
}

/** Square records gift card payments as CARD payments of brand SQUARE_GIFT_CARD; everything not a card is "Other". */
export function tenderGroupOf(entry: Pick<TenderMixEntry, "sourceType" | "cardBrand">): TenderGroupName {
  if (entry.sourceType !== "CARD") return "Other";
  return entry.cardBrand === "SQUARE_GIFT_CARD" ? "Gift card" : "Card";
}

/** Gift card vs card vs other tenders, always all three in that order. */
export function groupTenders(mix: TenderMixEntry[], currency: string): TenderGroup[] {
  const names: TenderGroupName[] = ["Card", "Gift card", "Other"];
  const total = mix.reduce((n, e) => n + e.revenue.amount, 0);
  return names.map((name) => {
    const entries = mix.filter((e) => tenderGroupOf(e) === name);
    const amount = entries.reduce((n, e) => n + e.revenue.amount, 0);
    return { name, revenue: { amount, currency }, payments: entries.reduce((n, e) => n + e.payments, 0), share: total ? amount / total : 0 };
  });
}
