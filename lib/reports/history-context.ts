import "server-only";
import type { Db } from "@/lib/db/client";
import { listHistoryLocations, type HistoryLocation } from "@/lib/db/queries/history-filters";
import { resolveRange, type DayRange } from "./range";
import { isTimeZone } from "./time-zone";

export interface HistoryContext {
  locations: HistoryLocation[];
  /** The chosen location, or null for all of them. */
  location: HistoryLocation | null;
  /** Days are counted here: the chosen location's zone, else the main location's. */
  timezone: string;
  range: DayRange;
}

export type HistoryContextResult = { ok: true; context: HistoryContext } | { ok: false; problems: string[]; locations: HistoryLocation[]; timezone: string };

/**
 * Turns a page's validated range and location into what its queries need. A location id that is
 * not one of this seller's (another seller's, or a typo) is a problem to show, never a query.
 */
export async function resolveHistoryContext(db: Db, merchantId: string, given: { from?: string; to?: string; location?: string }, now = new Date()): Promise<HistoryContextResult> {
  const locations = await listHistoryLocations(db, { merchantId });
  const location = given.location ? (locations.find((l) => l.id === given.location) ?? null) : null;
  const main = locations.find((l) => l.main) ?? locations[0];
  const zone = (location ?? main)?.timezone;
  const timezone = zone && isTimeZone(zone) ? zone : "UTC";
  const problems: string[] = [];
  if (given.location && !location) problems.push("That location is not one of yours. Choose one from the list.");
  const range = resolveRange(given, timezone, now);
  if (!range.ok) problems.push(range.problem);
  if (problems.length || !range.ok) return { ok: false, problems, locations, timezone };
  return { ok: true, context: { locations, location, timezone, range: range.range } };
}
