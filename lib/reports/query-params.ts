import type { OrderExportParams, PaymentExportParams } from "@/lib/db/queries/exports";
import type { ReportParams } from "@/lib/db/queries/reports";
import type { OrderFilters, PaymentFilters } from "@/lib/validations/history";
import type { HistoryContext } from "./history-context";

/** A page's URL filters as the mirror queries take them (one mapping for the page and its export). */
function common(merchantId: string, context: HistoryContext, f: { source?: string; customer?: "with" | "without" }) {
  return {
    merchantId,
    from: context.range.fromAt,
    to: context.range.toAt,
    locationId: context.location?.id,
    sources: f.source ? [f.source] : undefined,
    withoutCustomer: f.customer === "without",
    withCustomer: f.customer === "with",
  };
}

export const orderQuery = (merchantId: string, context: HistoryContext, f: OrderFilters): OrderExportParams => ({
  ...common(merchantId, context, f),
  states: f.state ? [f.state] : undefined,
});

export const paymentQuery = (merchantId: string, context: HistoryContext, f: PaymentFilters): PaymentExportParams => ({
  ...common(merchantId, context, f),
  statuses: f.status ? [f.status] : undefined,
  cardBrands: f.brand ? [f.brand] : undefined,
});

export const reportQuery = (merchantId: string, context: HistoryContext): ReportParams => ({
  merchantId,
  from: context.range.fromAt,
  to: context.range.toAt,
  timezone: context.timezone,
  locationId: context.location?.id,
});
