/**
 * Merged customer profiles: Square gives the merged profile a new id while old orders, payments
 * and cards keep the old ones. An alias map (old id → the id it was merged into) resolves any id
 * to the profile that survives today, following chains (A+B→C, then C+D→E gives A → E).
 */
export type AliasMap = ReadonlyMap<string, string>;

export function survivingId(aliases: AliasMap, id: string): string {
  let current = id;
  const seen = new Set<string>([current]);
  for (let next = aliases.get(current); next !== undefined; next = aliases.get(current)) {
    if (seen.has(next)) break; // a cycle would be a data error; stop rather than spin
    seen.add(next);
    current = next;
  }
  return current;
}

/** Collapses a map so every old id points straight at its surviving id. */
export function flattenAliases(aliases: AliasMap): Map<string, string> {
  const flat = new Map<string, string>();
  for (const oldId of aliases.keys()) flat.set(oldId, survivingId(aliases, oldId));
  return flat;
}
