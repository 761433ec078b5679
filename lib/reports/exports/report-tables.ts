import "server-only";
import type { Db } from "@/lib/db/client";
import { getSalesFigures } from "@/lib/db/queries/report-figures";
import { getNewVsReturning, getRevenueSeries, getTenderMix, getTopCustomers, type Period, type ReportParams } from "@/lib/db/queries/reports";
import type { CsvValue } from "@/lib/csv/csv";
import { brandLabel, enumLabel } from "../labels";
import { groupTenders, tenderGroupOf } from "../tender-groups";
import { amountCell } from "./cells";

/** The Reports page's tables as CSV: the same queries, the same rows. */
export const REPORT_TABLES = ["summary", "revenue", "customers", "top-customers", "tenders"] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/** The Top customers table's length on the page and in its export. */
export const TOP_CUSTOMERS_EXPORTED = 100;

export interface ReportTableCsv {
  columns: string[];
  rows: CsvValue[][];
}

export async function reportTableCsv(db: Db, table: ReportTable, params: ReportParams, period: Period, currency: string): Promise<ReportTableCsv> {
  switch (table) {
    case "summary": {
      const f = await getSalesFigures(db, params);
      return {
        columns: ["Figure", "Value", "Currency"],
        rows: [
          ["Revenue", amountCell(f.revenue.amount, currency), currency],
          ["Sales", f.sales, null],
          ["Payments", f.payments, null],
          ["Average ticket", amountCell(f.averageTicket.amount, currency), currency],
          ["Customers", f.customers, null],
          ["New customers", f.newCustomers, null],
          ["Returning customers", f.returningCustomers, null],
          ["Revenue with no customer", amountCell(f.withoutCustomer.amount, currency), currency],
          ["Share of revenue with no customer", f.shareWithoutCustomer.toFixed(4), null],
        ],
      };
    }
    case "revenue":
      return {
        columns: [period === "week" ? "Week starting" : "Date", "Revenue", "Payments", "Currency"],
        rows: (await getRevenueSeries(db, { ...params, period })).map((r) => [r.period, amountCell(r.revenue.amount, currency), r.payments, currency]),
      };
    case "customers":
      return {
        columns: [period === "week" ? "Week starting" : "Date", "New customers", "Returning customers"],
        rows: (await getNewVsReturning(db, { ...params, period })).map((r) => [r.period, r.newCustomers, r.returningCustomers]),
      };
    case "top-customers":
      return {
        columns: ["Rank", "Customer ID", "Name", "Email", "Spend", "Payments", "Last payment (UTC)", "Currency"],
        rows: (await getTopCustomers(db, { ...params, limit: TOP_CUSTOMERS_EXPORTED })).map((c, i) => [
          i + 1,
          c.customerId,
          [c.givenName, c.familyName].filter(Boolean).join(" ") || null,
          c.emailAddress,
          amountCell(c.spend.amount, currency),
          c.payments,
          c.lastPaymentAt,
          currency,
        ]),
      };
    case "tenders": {
      const mix = await getTenderMix(db, params);
      const total = groupTenders(mix, currency).reduce((n, g) => n + g.revenue.amount, 0);
      return {
        columns: ["Group", "Payment method", "Card brand", "Revenue", "Payments", "Share of revenue", "Currency"],
        rows: mix.map((e) => [
          tenderGroupOf(e),
          enumLabel(e.sourceType),
          e.cardBrand ? brandLabel(e.cardBrand) : null,
          amountCell(e.revenue.amount, currency),
          e.payments,
          total ? (e.revenue.amount / total).toFixed(4) : "0.0000",
          currency,
        ]),
      };
    }
  }
}
