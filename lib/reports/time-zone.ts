/**
 * Local calendar days in a shop's time zone, turned into the instants the mirror stores. Reports and
 * filters speak in the shop's days ("1 March" in Los Angeles starts at 08:00 UTC), so every range
 * is converted here once, with daylight saving handled by asking Intl for the zone's offset.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the runtime knows this IANA zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (Los Angeles in winter: -8 h). */
function offsetMs(atMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(atMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(atMs / 1000) * 1000;
}

/** The instant a local day (YYYY-MM-DD) starts in the zone, as ISO 8601 UTC. */
export function startOfLocalDay(date: string, zone: string): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // The offset at the guessed instant can differ from the one at the answer around a DST change.
  let at = wall - offsetMs(wall, zone);
  at = wall - offsetMs(at, zone);
  return new Date(at).toISOString();
}

/** Today's date in the zone, YYYY-MM-DD. */
export function localToday(zone: string, now: Date = new Date()): string {
  return localDate(now.toISOString(), zone);
}

// A formatter per zone and style, built once: building one costs far more than using it.
const formats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(zone: string, style: "date" | "dateTime"): Intl.DateTimeFormat {
  const key = `${style}|${zone}`;
  let format = formats.get(key);
  if (!format)
    formats.set(
      key,
      (format =
        style === "date"
          ? new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
          : new Intl.DateTimeFormat("en-US", { timeZone: zone, dateStyle: "medium", timeStyle: "short" })),
    );
  return format;
}

/** The local date of an instant in the zone, YYYY-MM-DD. */
export function localDate(iso: string, zone: string): string {
  return zoneFormat(zone, "date").format(new Date(iso));
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A date and time as the shop reads it, e.g. "Mar 1, 2026, 7:42 AM". */
export function formatLocalDateTime(iso: string | null, zone: string): string {
  if (!iso) return "—";
  return zoneFormat(zone, "dateTime").format(new Date(iso));
}
