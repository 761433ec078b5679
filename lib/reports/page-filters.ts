import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { HistoryLocation } from "@/lib/db/queries/history-filters";
import { parseFilters, type SearchParams } from "@/lib/validations/history";
import { resolveHistoryContext, type HistoryContext } from "./history-context";
import type { UrlFilters } from "./history-url";

export type PageFilters<T> =
  | { ok: true; filters: T; context: HistoryContext; url: UrlFilters }
  | { ok: false; problems: string[]; locations: HistoryLocation[]; timezone: string; url: UrlFilters };

/**
 * A history page's search params, validated and resolved to a range in the shop's days. On a
 * problem the page still gets the locations (for the form) and the raw values to correct.
 */
export async function loadPageFilters<T extends { from?: string; to?: string; location?: string }>(
  db: Db,
  merchantId: string,
  schema: z.ZodType<T>,
  params: SearchParams,
): Promise<PageFilters<T>> {
  const url: UrlFilters = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = parseFilters(schema, params);
  const resolved = await resolveHistoryContext(db, merchantId, parsed.ok ? parsed.filters : {});
  if (!parsed.ok) return { ok: false, problems: parsed.problems, locations: resolved.ok ? resolved.context.locations : resolved.locations, timezone: resolved.ok ? resolved.context.timezone : resolved.timezone, url };
  if (!resolved.ok) return { ok: false, problems: resolved.problems, locations: resolved.locations, timezone: resolved.timezone, url };
  return { ok: true, filters: parsed.filters, context: resolved.context, url };
}
