/**
 * A listing filters and sorts all of a seller's objects, and walking its result page by page used to
 * repeat that for every page (a backfill of 100,000 payments asks ListPayments for 1,000 pages). The
 * whole result is kept per query until the data it was computed from changes (`version`: the
 * tables' change stamps, or an index rebuilt on change), so each later page costs only its own rows.
 * Cursors stay offsets into that result, as before.
 */
const LIMIT = 64;
const caches = new WeakMap<object, Map<string, { version: string; value: unknown }>>();

/** `compute()`'s answer for `key`, reused while `version` is unchanged; `owner` scopes the cache (a store, an index). */
export function remembered<T>(owner: object, key: string, version: string, compute: () => T): T {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  const hit = cache.get(key);
  cache.delete(key);
  if (hit && hit.version === version) {
    cache.set(key, hit); // most recently used last
    return hit.value as T;
  }
  const value = compute();
  cache.set(key, { version, value });
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return value;
}
