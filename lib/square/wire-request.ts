import "server-only";
import { SquareError, SquareTimeoutError, type SquareClient } from "square";
import { baseUrlOf } from "./client";
import { toAppError } from "./errors";

export interface WireRequest {
  method: "GET" | "POST";
  /** Query parameters (GET); undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** A body already in Square's wire form (snake_case). */
  body?: unknown;
}

/**
 * One Square call whose JSON answer Patron reads itself: through the SDK's own passthrough (its
 * base URL, token, Square-Version header, timeout and retries of 408/429/5xx with Retry-After),
 * but parsed with the native JSON.parse. The SDK's own reading of a response (a JSON parser in
 * JavaScript that keeps int64s as bigint, then a schema walk into camelCase) costs about ten times
 * as much, and the mirror wants Square's wire form anyway. Used for the big listings; failures
 * become the same AppErrors as every other call (errors.ts).
 */
export async function requestWire<T>(client: SquareClient, path: string, request: WireRequest): Promise<T> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) params.set(name, String(value));
  const url = `${baseUrlOf(client).replace(/\/+$/, "")}${path}${params.size ? `?${params}` : ""}`;
  let response: Response;
  let text: string;
  try {
    response = await client.fetch(url, {
      method: request.method,
      headers: request.body === undefined ? undefined : { "content-type": "application/json" },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    text = await response.text();
  } catch (err) {
    // The SDK's timeout aborts fetch with the reason "timeout" (Node 20) or a TimeoutError.
    if (err === "timeout" || (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")))
      throw toAppError(new SquareTimeoutError(`Timeout exceeded when calling ${request.method} ${path}.`, { cause: err }));
    throw toAppError(new SquareError({ message: `${request.method} ${path} failed.`, cause: err }));
  }
  const body = parse(text);
  if (!response.ok || (body !== undefined && typeof body !== "object")) throw toAppError(new SquareError({ statusCode: response.status, body }));
  return (body ?? {}) as T;
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
