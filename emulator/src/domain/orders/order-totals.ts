import type { Square } from "square";
import { money } from "../payments/seller-checks";

const sum = (values: (Square.Money | undefined)[]) => values.reduce((total, m) => total + (m?.amount ?? 0n), 0n);

/** A tender counts as paid once captured: cash and external tenders are recorded only then. */
export const isCaptured = (tender: Square.Tender) => !tender.cardDetails || tender.cardDetails.status === "CAPTURED";

/**
 * The order-level money once lines are priced and tenders known. Tips arrive with captured
 * payments, so `total_money` grows by them and `net_amount_due_money` is what is still unpaid.
 */
export function withTotals(order: Square.Order, currency: string): Square.Order {
  const lines = order.lineItems ?? [];
  const captured = (order.tenders ?? []).filter(isCaptured);
  const tips = sum(captured.map((t) => t.tipMoney));
  const total = sum(lines.map((l) => l.totalMoney)) + tips;
  const tax = sum(lines.map((l) => l.totalTaxMoney));
  const discount = sum(lines.map((l) => l.totalDiscountMoney));
  const paid = sum(captured.map((t) => t.amountMoney));
  const due = total - paid;
  return {
    ...order,
    totalMoney: money(total, currency),
    totalTaxMoney: money(tax, currency),
    totalDiscountMoney: money(discount, currency),
    totalTipMoney: money(tips, currency),
    totalServiceChargeMoney: money(0n, currency),
    netAmounts: {
      totalMoney: money(total, currency),
      taxMoney: money(tax, currency),
      discountMoney: money(discount, currency),
      tipMoney: money(tips, currency),
      serviceChargeMoney: money(0n, currency),
    },
    netAmountDueMoney: money(due > 0n ? due : 0n, currency),
  };
}
