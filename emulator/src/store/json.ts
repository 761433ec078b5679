/**
 * JSON that round-trips bigint. The store keeps objects in the SDK's camelCase shape, where every
 * int64 (money, versions) is a bigint, so the journal tags them instead of losing precision.
 */
const BIGINT_TAG = "$n";

export function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? { [BIGINT_TAG]: v.toString() } : v));
}

export function parse<T = unknown>(text: string): T {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === BIGINT_TAG && typeof v[BIGINT_TAG] === "string") return BigInt(v[BIGINT_TAG]);
    }
    return v;
  });
}
