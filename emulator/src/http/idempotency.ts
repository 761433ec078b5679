import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { HonoEnv } from "../context";
import { tables } from "../domain/tables";
import { errors, errorResponse, SquareApiError } from "./errors";

/**
 * Square's idempotency: the same key with the same request replays the first response without a
 * new side effect; the same key with a different request is 400 IDEMPOTENCY_KEY_REUSED. Keys are
 * scoped per seller and per operation. Successful responses are remembered, and so are failures
 * that created something (a declined payment is stored as FAILED); plain validation errors are not,
 * so a corrected request may reuse its key.
 */
export async function idempotent(
  c: Context<HonoEnv>,
  operation: string,
  key: string | undefined,
  request: unknown,
  run: () => unknown | Promise<unknown>,
): Promise<Response> {
  const ctx = c.get("ctx");
  const { merchantId } = c.get("caller");
  if (!key) return c.json((await run()) as object);

  const table = tables(ctx.store).idempotency;
  const id = `${operation}:${key}`;
  const hash = hashRequest(request);
  const seen = table.get(merchantId, id);
  if (seen) {
    if (seen.hash !== hash)
      throw errors.badRequest(
        "IDEMPOTENCY_KEY_REUSED",
        "The idempotency key can only be retried with the same request data.",
        "idempotency_key",
      );
    return c.json(seen.body as object, seen.status as ContentfulStatusCode);
  }
  try {
    const result = (await run()) as object;
    table.put(merchantId, id, { hash, status: 200, body: result, at: ctx.clock.iso() });
    return c.json(result);
  } catch (err) {
    if (err instanceof SquareApiError && err.extra) {
      table.put(merchantId, id, {
        hash,
        status: err.status,
        body: { ...err.extra, errors: err.errors },
        at: ctx.clock.iso(),
      });
      return errorResponse(c, err);
    }
    throw err;
  }
}

export function hashRequest(request: unknown): string {
  return createHash("sha256").update(canonical(request)).digest("hex");
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(typeof value === "bigint" ? value.toString() : value) ?? "null";
}
