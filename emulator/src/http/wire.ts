import { serialization } from "square";

/**
 * Stored objects are in the SDK's camelCase shape; responses go out in Square's snake_case wire
 * format through the SDK's own schemas, so the emulator's output cannot drift from the SDK's types.
 */
type WireSchema<T> = { jsonOrThrow(value: T, opts?: { unrecognizedObjectKeys?: "strip" | "fail" | "passthrough" }): unknown };

export function toWire<T>(schema: WireSchema<T>, value: T): unknown {
  return numbersFromBigints(schema.jsonOrThrow(value, { unrecognizedObjectKeys: "strip" }));
}

export function listToWire<T>(schema: WireSchema<T>, values: T[]): unknown[] {
  return values.map((v) => toWire(schema, v));
}

/** int64s reach the wire as plain JSON numbers, as Square sends them. */
export function numbersFromBigints(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(numbersFromBigints);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = numbersFromBigints(v);
    return out;
  }
  return value;
}

export const schemas = serialization;
