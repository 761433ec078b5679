import "server-only";
import type { RawObject } from "./types";

interface WireSchema {
  json(value: unknown, opts: object): { ok: true; value: unknown } | { ok: false };
  parse(raw: unknown, opts: object): { ok: true; value: unknown } | { ok: false };
}

// Lenient both ways: a field Square adds after SDK 46 must pass through, not break the sync.
const LENIENT = { unrecognizedObjectKeys: "passthrough", allowUnrecognizedEnumValues: true, allowUnrecognizedUnionMembers: true, skipValidation: true };

/**
 * An SDK object back in Square's own wire form (snake_case), with int64s as plain numbers, so it
 * can be stored as JSON and compared with what Square sends.
 */
export function toRaw(schema: WireSchema, value: unknown): RawObject {
  const wire = schema.json(value, LENIENT);
  if (!wire.ok) throw new Error("Could not serialize a Square object to its wire form.");
  return withNumbers(wire.value) as RawObject;
}

/** Square's wire JSON (a webhook payload) as the SDK's camelCase object. */
export function fromWire<T>(schema: WireSchema, raw: unknown): T {
  const parsed = schema.parse(raw, LENIENT);
  if (!parsed.ok) throw new Error("Could not read a Square object from its wire form.");
  return parsed.value as T;
}

function withNumbers(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(withNumbers);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNumbers(v)]));
  return value;
}
