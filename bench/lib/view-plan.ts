import { presetRange, resolveRange, type DayRange } from "../../lib/reports/range";
import { addDays } from "../../lib/reports/time-zone";
import type { AppClient, Measured } from "./app-client";
import { csvRecords } from "./csv";
import type { MergedCustomer } from "./merged-customer";

export interface PlannedView {
  name: string;
  path: string;
  detail?: (first: Measured) => string;
  /** Text every response must contain (proof the view showed its data, not an error or empty state). */
  expect?: string;
}

interface DirectoryPage {
  customers: { id: string; name: string }[];
  total: number;
  pageSize: number;
}

/**
 * The dashboard views the issue names, with the parameters worked out from the mirror itself (never
 * from Square, so planning costs no Square call): the busiest week is the week with the most
 * payments in the last year, from Patron's own weekly revenue export.
 */
export async function planViews(app: AppClient, c: MergedCustomer, timezone: string, searchTerm: string): Promise<{ views: PlannedView[]; report90: DayRange }> {
  const year = presetRange(365, timezone);
  const weeks = csvRecords(await app.text(`/api/exports/revenue?from=${year.from}&to=${year.to}&period=week`));
  const busiest = weeks.reduce((best, w) => (Number(w.Payments) > Number(best?.Payments ?? -1) ? w : best), weeks[0]);
  if (!busiest) throw new Error("The mirror has no payments in the last year.");
  const weekStart = busiest["Week starting"];
  const r90 = resolveRange(presetRange(90, timezone), timezone);
  if (!r90.ok) throw new Error(r90.problem);
  const q = encodeURIComponent(searchTerm);
  const [bySpend, search] = await Promise.all([app.json<DirectoryPage>("/api/customers?sort=spend"), app.json<DirectoryPage>(`/api/customers?q=${q}`)]);
  return {
    report90: r90.range,
    views: [
      { name: "Customer directory, sorted by lifetime spend", path: "/customers?sort=spend", expect: bySpend.customers[0]?.id, detail: () => `${bySpend.customers.length} rows with counts and spend, of ${bySpend.total.toLocaleString("en-US")}` },
      { name: `Directory search “${searchTerm}” (JSON, as you type)`, path: `/api/customers?q=${q}`, expect: search.customers[0]?.id ?? "no match", detail: () => `${search.total.toLocaleString("en-US")} matches, ${search.customers.length} returned` },
      { name: "Customer 360", path: `/customers/${c.id}`, expect: c.familyName, detail: () => `${c.orders} orders across ${c.oldIds.length} merged profiles` },
      {
        name: "Orders, busiest week",
        path: `/orders?from=${weekStart}&to=${addDays(weekStart, 6)}`,
        expect: 'href="/orders/',
        detail: () => `week of ${weekStart}, ${Number(busiest.Payments).toLocaleString("en-US")} payments`,
      },
      { name: "Reports, last 90 days", path: `/reports?from=${r90.range.from}&to=${r90.range.to}`, expect: "Top customers", detail: () => `${r90.range.from} to ${r90.range.to}` },
    ],
  };
}
