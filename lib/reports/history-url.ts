import { PRESETS, presetRange } from "./range";

/** Builds the shareable URL of a filtered view: empty values are left out, so links stay short. */
export type UrlFilters = Record<string, string | undefined | null>;

export function hrefWith(path: string, filters: UrlFilters, changes: UrlFilters = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...changes })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The filters a page was given, minus the page position (a changed filter starts at the first page). */
export function withoutCursor(filters: UrlFilters): UrlFilters {
  const { cursor: _cursor, ...rest } = filters;
  return rest;
}

/** The quick-range links of a page: same filters, another range, the current one marked. */
export function presetLinks(path: string, filters: UrlFilters, current: { from: string; to: string }, timezone: string, now = new Date()) {
  return PRESETS.map((p) => {
    const range = presetRange(p.days, timezone, now);
    return { label: p.label, href: hrefWith(path, withoutCursor(filters), range), current: range.from === current.from && range.to === current.to };
  });
}
