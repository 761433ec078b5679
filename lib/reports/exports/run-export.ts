import "server-only";
import { hasScope, SCOPES, type Scope } from "@/lib/auth/scopes";
import type { Db } from "@/lib/db/client";
import { countExportRows } from "@/lib/db/queries/exports";
import type { Seller } from "@/lib/db/queries/sellers";
import type { CsvValue } from "@/lib/csv/csv";
import { csvStream } from "@/lib/csv/stream";
import { OrderFiltersSchema, parseFilters, PaymentFiltersSchema, ReportFiltersSchema, type Parsed } from "@/lib/validations/history";
import { resolveHistoryContext } from "../history-context";
import { orderQuery, paymentQuery, reportQuery } from "../query-params";
import { defaultPeriod } from "../range";
import { REPORT_TABLES, reportTableCsv, type ReportTable } from "./report-tables";
import { ORDER_COLUMNS, orderRows, PAYMENT_COLUMNS, paymentRows } from "./transactions";

export const EXPORT_TABLES = ["orders", "payments", ...REPORT_TABLES] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** The header the download's progress bar reads: how many data rows are coming. */
export const ROW_COUNT_HEADER = "X-Row-Count";

const needs = (table: ExportTable): Scope => (table === "orders" ? "ORDERS_READ" : "PAYMENTS_READ");

const problem = (status: number, error: string, problems?: string[]) => Response.json({ error, ...(problems ? { problems } : {}) }, { status });

/**
 * A CSV of one of the history's tables for the signed-in seller and the filters in the URL (the
 * same ones the page takes), streamed from the mirror. Bad filters are a 400 that says why.
 */
export async function runExport(db: Db, seller: Seller, table: string, search: URLSearchParams, now = new Date()): Promise<Response> {
  if (!(EXPORT_TABLES as readonly string[]).includes(table)) return problem(404, `There is no export called “${table}”.`);
  const t = table as ExportTable;
  if (!hasScope(seller, needs(t))) return problem(403, `Patron needs your permission to ${SCOPES[needs(t)]} (${needs(t)}). Re-authorize with Square to export this.`);

  const schema = t === "orders" ? OrderFiltersSchema : t === "payments" ? PaymentFiltersSchema : ReportFiltersSchema;
  const parsed = parseFilters(schema, search) as Parsed<Record<string, string | undefined>>;
  if (!parsed.ok) return problem(400, "Some filters are not valid.", parsed.problems);
  const resolved = await resolveHistoryContext(db, seller.merchantId, parsed.filters, now);
  if (!resolved.ok) return problem(400, "Some filters are not valid.", resolved.problems);
  const context = resolved.context;
  const currency = context.location?.currency ?? seller.currency ?? "USD";
  const filename = `patron-${t}-${context.range.from}-to-${context.range.to}.csv`;

  const transactions = { timezone: context.timezone, locationNames: new Map(context.locations.map((l) => [l.id, l.name])) };
  let columns: string[];
  let rows: AsyncIterable<CsvValue[][]>;
  let count: number;
  if (t === "orders" || t === "payments") {
    const params = t === "orders" ? orderQuery(seller.merchantId, context, parsed.filters) : paymentQuery(seller.merchantId, context, parsed.filters);
    count = await countExportRows(db, t, params);
    columns = t === "orders" ? ORDER_COLUMNS : PAYMENT_COLUMNS;
    rows = t === "orders" ? orderRows(db, params, transactions) : paymentRows(db, params, transactions);
  } else {
    const csv = await reportTableCsv(db, t as ReportTable, reportQuery(seller.merchantId, context), parsed.filters.period === "week" || parsed.filters.period === "day" ? parsed.filters.period : defaultPeriod(context.range), currency);
    ({ columns } = csv);
    count = csv.rows.length;
    rows = once(csv.rows);
  }
  return new Response(csvStream(columns, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      [ROW_COUNT_HEADER]: String(count),
    },
  });
}

async function* once<T>(rows: T[]) {
  yield rows;
}
