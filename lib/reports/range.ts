import { addDays, daysBetween, localToday, startOfLocalDay } from "./time-zone";

/** A range of whole local days, both ends included, with the instants the mirror is queried with. */
export interface DayRange {
  /** First local day, YYYY-MM-DD. */
  from: string;
  /** Last local day, YYYY-MM-DD (included). */
  to: string;
  /** The IANA zone the days are counted in. */
  timezone: string;
  /** Instant the first day starts (inclusive), ISO. */
  fromAt: string;
  /** Instant after the last day ends (exclusive), ISO. */
  toAt: string;
  days: number;
}

export const DEFAULT_DAYS = 30;
/** Five years of days: the longest range a page or export accepts (a day chart stays readable by week). */
export const MAX_DAYS = 5 * 366;

export type RangeResult = { ok: true; range: DayRange } | { ok: false; problem: string };

/**
 * The range a page shows: the dates given, else the last 30 days up to today in the zone. `from`
 * alone runs to today; `to` alone starts 29 days before it.
 */
export function resolveRange(given: { from?: string; to?: string }, timezone: string, now: Date = new Date()): RangeResult {
  const to = given.to ?? (given.from ? maxDate(given.from, localToday(timezone, now)) : localToday(timezone, now));
  const from = given.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) return { ok: false, problem: "“To” must be on or after “From”." };
  const days = daysBetween(from, to) + 1;
  if (days > MAX_DAYS) return { ok: false, problem: `Choose a range of at most ${MAX_DAYS.toLocaleString("en-US")} days (five years).` };
  return { ok: true, range: { from, to, timezone, fromAt: startOfLocalDay(from, timezone), toAt: startOfLocalDay(addDays(to, 1), timezone), days } };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

/** Quick ranges offered beside the date inputs, ending today. */
export const PRESETS = [
  { label: "Last 7 days", days: 7 },
  { label: "Last 30 days", days: 30 },
  { label: "Last 90 days", days: 90 },
  { label: "Last 12 months", days: 365 },
] as const;

export function presetRange(days: number, timezone: string, now: Date = new Date()): { from: string; to: string } {
  const to = localToday(timezone, now);
  return { from: addDays(to, -(days - 1)), to };
}

/** Revenue by day up to about three months, by week beyond (a year of days is an unreadable chart). */
export const defaultPeriod = (range: Pick<DayRange, "days">): "day" | "week" => (range.days > 92 ? "week" : "day");
