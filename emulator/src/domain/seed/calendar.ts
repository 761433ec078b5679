import { weighted, type Random } from "../../random";

const DAY_MS = 24 * 3600 * 1000;

/**
 * When a café's sales happen: business hours in the location's time zone, busier weekends, a
 * morning rush and a lunch bump, closed on Christmas and New Year's Day, and a business that grows
 * over the period. Every time is a UTC instant in milliseconds.
 */
const WEEKDAY_HOURS: [number, number][] = [[7, 1.3], [8, 2], [9, 1.6], [10, 1], [11, 1], [12, 1.5], [13, 1.2], [14, 0.8], [15, 0.8], [16, 0.7], [17, 0.5]];
const WEEKEND_HOURS: [number, number][] = [[8, 0.8], [9, 1.4], [10, 1.8], [11, 1.8], [12, 1.5], [13, 1.2], [14, 0.9], [15, 0.6]];
const DAY_WEIGHT = [1.15, 1, 1, 1, 1, 1.05, 1.35]; // Sunday … Saturday

export interface LocalDay {
  y: number;
  m: number; // 1–12
  d: number;
  weekday: number; // 0 = Sunday
  /** UTC offset of this day in the zone (business hours never straddle a DST change). */
  offsetMs: number;
}

/** The local days from `months` before `endMs`'s local date up to (not including) that date. */
export function businessDays(timeZone: string, endMs: number, months: number): LocalDay[] {
  const end = localParts(timeZone, endMs);
  const first = new Date(Date.UTC(end.y, end.m - 1 - months, end.d));
  const last = Date.UTC(end.y, end.m - 1, end.d);
  const days: LocalDay[] = [];
  for (let t = first.getTime(); t < last; t += DAY_MS) {
    const date = new Date(t);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    if ((m === 12 && d === 25) || (m === 1 && d === 1)) continue;
    days.push({ y, m, d, weekday: date.getUTCDay(), offsetMs: offsetAt(timeZone, t + 12 * 3600 * 1000) });
  }
  return days;
}

/** `count` sale times spread over `days` by weekday, season and growth, in ascending order. */
export function saleTimes(random: Random, days: LocalDay[], count: number): number[] {
  const weights = days.map((day, i) => DAY_WEIGHT[day.weekday] * (0.55 + (0.6 * i) / Math.max(1, days.length - 1)) * (day.m === 12 ? 1.15 : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const times: number[] = [];
  let cumulative = 0;
  days.forEach((day, i) => {
    const before = Math.round((count * cumulative) / total);
    cumulative += weights[i];
    const n = Math.round((count * cumulative) / total) - before;
    const hours = day.weekday === 0 || day.weekday === 6 ? WEEKEND_HOURS : WEEKDAY_HOURS;
    const todays: number[] = [];
    for (let k = 0; k < n; k++) {
      const minute = weighted(random, hours) * 60 + Math.floor(random() * 60);
      todays.push(localTime(day, minute) + Math.floor(random() * 60_000));
    }
    times.push(...todays.sort((a, b) => a - b));
  });
  return times;
}

/** The UTC instant of a local wall-clock minute on that day. */
export function localTime(day: LocalDay, minuteOfDay: number): number {
  return Date.UTC(day.y, day.m - 1, day.d) + minuteOfDay * 60_000 - day.offsetMs;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, f);
  }
  return f;
}

function localParts(timeZone: string, ms: number) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return { y: parts.year, m: parts.month, d: parts.day, h: parts.hour, min: parts.minute, s: parts.second };
}

/** Local wall clock minus UTC at this instant (negative west of Greenwich). */
function offsetAt(timeZone: string, ms: number): number {
  const p = localParts(timeZone, ms);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(ms / 1000) * 1000;
}
