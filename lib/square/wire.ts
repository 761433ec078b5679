import "server-only";
import type { RawObject } from "./types";

interface WireSchema<Raw = unknown> {
  json(value: unknown, opts: object): { ok: true; value: Raw } | { ok: false };
}

// Lenient both ways: a field Square adds after SDK 46 must pass through, not break the sync.
const LENIENT = { unrecognizedObjectKeys: "passthrough", allowUnrecognizedEnumValues: true, allowUnrecognizedUnionMembers: true, skipValidation: true };

/**
 * An SDK object back in Square's own wire form (snake_case), with int64s as plain numbers, so it
 * can be stored as JSON and compared with what Square sends.
 */
export function toRaw<Raw>(schema: WireSchema<Raw>, value: unknown): Raw & RawObject {
  const wire = schema.json(value, LENIENT);
  if (!wire.ok) throw new Error("Could not serialize a Square object to its wire form.");
  return withNumbers(wire.value) as Raw & RawObject;
}

/** A wire object as it is stored (the mirror keeps Square's JSON verbatim). */
export const rawObject = (wire: object): RawObject => wire as RawObject;

function withNumbers(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(withNumbers);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNumbers(v)]));
  return value;
}
