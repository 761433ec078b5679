import type { Context } from "hono";
import type { IncomingMessage } from "node:http";
import { errors, SquareApiError, type SquareErrorItem } from "./errors";

type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: { path: string[]; message: string }[] };
export type RequestSchema<T> = { parse(raw: unknown, opts?: { unrecognizedObjectKeys?: "fail" }): ParseResult<T> };

/**
 * Validates a wire (snake_case) request body against the SDK's own request schema and returns it
 * in camelCase with int64s as bigint. Schema failures become Square's 400 errors, one per problem,
 * with `field` as a dotted path (`order.line_items[0].quantity`). Unknown keys are refused
 * (UNKNOWN_BODY_PARAMETER): see emulator/README.md for why.
 */
export function parseWire<T>(schema: RequestSchema<T>, raw: unknown): T {
  let result: ParseResult<T>;
  try {
    result = schema.parse(raw, { unrecognizedObjectKeys: "fail" });
  } catch (err) {
    // The SDK's bigint schema throws (rather than reporting) on non-integer numbers.
    if (err instanceof RangeError) {
      const field = findFraction(raw);
      throw errors.badRequest("EXPECTED_INTEGER", "Expected an integer value.", field);
    }
    throw err;
  }
  if (result.ok) return result.value;
  throw new SquareApiError(400, result.errors.map(toSquareError));
}

export async function readJson(c: Context): Promise<unknown> {
  const text = await bodyText(c);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw errors.badRequest("BAD_REQUEST", "Invalid JSON in request body.");
  }
}

/**
 * The raw body. Under @hono/node-server it is read straight from Node's request stream: going
 * through `c.req.text()` builds a WHATWG Request and stream per call, which cost more than the
 * rest of a typical handler (see npm run bench:emulator). `app.request()` in tests takes the
 * standard path.
 */
function bodyText(c: Context): Promise<string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.readableDidRead || incoming.readableEnded) return c.req.text();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming
      .on("data", (chunk: Buffer) => chunks.push(chunk))
      .on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
      .on("error", reject);
  });
}

/** Parses the JSON body of a request with a schema; returns both the typed value and the raw body. */
export async function body<T>(c: Context, schema: RequestSchema<T>): Promise<{ value: T; raw: Record<string, unknown> }> {
  const raw = await readJson(c);
  const value = parseWire(schema, raw);
  return { value, raw: raw as Record<string, unknown> };
}

function toSquareError({ path, message }: { path: string[]; message: string }): SquareErrorItem {
  const missing = /^Missing required key "(.+)"$/.exec(message);
  const unknown = /^Unexpected key "(.+)"$/.exec(message);
  const base = dotted(path);
  // The SDK reports an unexpected key with the key already at the end of its path.
  const field = missing ? join(base, missing[1]) : base || undefined;
  const code = missing
    ? "MISSING_REQUIRED_PARAMETER"
    : unknown
      ? "UNKNOWN_BODY_PARAMETER"
      : /^Expected string/.test(message)
        ? "EXPECTED_STRING"
        : /^Expected (bigint|number)/.test(message)
          ? "EXPECTED_INTEGER"
          : /^Expected boolean/.test(message)
            ? "EXPECTED_BOOLEAN"
            : /^Expected object/.test(message)
              ? "EXPECTED_OBJECT"
              : /^Expected (list|array)/.test(message)
                ? "EXPECTED_ARRAY"
                : /^Expected enum/.test(message)
                  ? "INVALID_ENUM_VALUE"
                  : "INVALID_VALUE";
  const detail = missing
    ? `Field must be set`
    : unknown
      ? `Unknown field \`${unknown[1]}\`.`
      : message.replace(/\.$/, "") + (field ? ` for field \`${field}\`.` : ".");
  return { category: "INVALID_REQUEST_ERROR", code, detail, ...(field ? { field } : {}) };
}

function dotted(path: string[]): string {
  return path.reduce((acc, part) => (part.startsWith("[") ? acc + part : acc ? `${acc}.${part}` : part), "");
}

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

function findFraction(value: unknown, path = ""): string | undefined {
  if (typeof value === "number" && !Number.isInteger(value)) return path || undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findFraction(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const hit = findFraction(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return undefined;
}
