/**
 * One object per id, the newest by `rank` (a batch can hold the same object twice, e.g. a webhook
 * duplicate; PostgreSQL refuses to upsert one row twice in a statement).
 */
export function latestById<T extends { id: string }>(items: T[], rank: (item: T) => (number | string)[]): T[] {
  const best = new Map<string, T>();
  for (const item of items) {
    const seen = best.get(item.id);
    if (!seen || compareRanks(rank(item), rank(seen)) >= 0) best.set(item.id, item);
  }
  return [...best.values()];
}

function compareRanks(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

/** Epoch milliseconds of an ISO timestamp, 0 when absent (sorts first). */
export const ms = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : 0);
