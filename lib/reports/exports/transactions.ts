import "server-only";
import type { Db } from "@/lib/db/client";
import { orderExportBatches, paymentExportBatches, type OrderExportParams, type PaymentExportParams } from "@/lib/db/queries/exports";
import type { CsvValue } from "@/lib/csv/csv";
import { attributionLabel } from "../labels";
import { amountCell, joined, localClock } from "./cells";

/** The attributed transactions, as CSV: one row per payment, or one per order with all its customers. */
export const PAYMENT_COLUMNS = [
  "Date",
  "Time",
  "Created at (UTC)",
  "Payment ID",
  "Order ID",
  "Location",
  "Source",
  "Status",
  "Payment method",
  "Card brand",
  "Last 4",
  "Total",
  "Tip",
  "Refunded",
  "Currency",
  "Customer ID",
  "Customer name",
  "Customer email",
  "Attribution",
  "Merged from",
  "Assigned later",
  "Customer ID on the payment",
  "Receipt number",
  "Receipt URL",
];

export const ORDER_COLUMNS = [
  "Date",
  "Time",
  "Created at (UTC)",
  "Order ID",
  "Location",
  "Source",
  "State",
  "Total",
  "Tip",
  "Currency",
  "Customer IDs",
  "Customer names",
  "Customer emails",
  "Attribution",
  "Merged from",
  "No customer",
  "Payment IDs",
];

export interface TransactionExportContext {
  timezone: string;
  locationNames: Map<string, string>;
}

export async function* paymentRows(db: Db, params: PaymentExportParams, ctx: TransactionExportContext): AsyncGenerator<CsvValue[][]> {
  const clock = localClock(ctx.timezone);
  for await (const batch of paymentExportBatches(db, params))
    yield batch.map((p) => {
      const c = p.customer;
      const name = [c.givenName, c.familyName].filter(Boolean).join(" ");
      return [
        ...clock(p.createdAt),
        p.createdAt,
        p.id,
        p.orderId,
        ctx.locationNames.get(p.locationId ?? "") ?? p.locationId,
        p.channel,
        p.status,
        p.sourceType,
        p.cardBrand,
        p.last4,
        amountCell(p.total.amount, p.total.currency),
        amountCell(p.tip.amount, p.tip.currency),
        amountCell(p.refunded.amount, p.refunded.currency),
        p.total.currency,
        c.customerId,
        name || null,
        c.emailAddress,
        attributionLabel({ ...c, assignedLater: p.assignedLater }),
        c.mergedFrom,
        p.assignedLater,
        p.recordedCustomerId,
        p.receiptNumber,
        p.receiptUrl,
      ];
    });
}

export async function* orderRows(db: Db, params: OrderExportParams, ctx: TransactionExportContext): AsyncGenerator<CsvValue[][]> {
  const clock = localClock(ctx.timezone);
  for await (const batch of orderExportBatches(db, params))
    yield batch.map((o) => {
      const known = o.customers.filter((c) => c.customerId);
      return [
        ...clock(o.createdAt),
        o.createdAt,
        o.id,
        ctx.locationNames.get(o.locationId ?? "") ?? o.locationId,
        o.channel,
        o.state,
        amountCell(o.total, o.currency),
        amountCell(o.tip, o.currency),
        o.currency,
        joined(known.map((c) => c.customerId)),
        joined(known.map((c) => c.name)),
        joined(known.map((c) => c.email)),
        joined(o.customers.map((c) => attributionLabel(c))),
        joined(known.map((c) => c.mergedFrom).filter(Boolean)),
        known.length === 0,
        joined(o.paymentIds),
      ];
    });
}
