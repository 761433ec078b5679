import type { Context, MiddlewareHandler } from "hono";
import type { HonoEnv } from "../context";
import { tables } from "../domain/tables";
import { GLOBAL } from "../store/store";
import { SquareApiError } from "./errors";
import type { FaultRegistry } from "./faults-registry";

// A hung request whose client never hangs up is answered after this long, so nothing is held forever.
const MAX_HANG_MS = 5 * 60_000;

const API_ERROR_CODES: Record<number, string> = {
  500: "INTERNAL_SERVER_ERROR",
  502: "BAD_GATEWAY",
  503: "SERVICE_UNAVAILABLE",
  504: "GATEWAY_TIMEOUT",
};

/**
 * Applies a seller's faults to its Square calls (mounted on /v2 and /oauth2/token/status, never
 * on /_emulator). An injected failure happens *before* the handler runs, so a faulted write wrote
 * nothing, unless `after_handler` asks for the harder case: the write happened and its answer was lost.
 * `x-emulator-delay-ms` reports the latency added and `x-emulator-fault` names an injected failure,
 * so tests can check faults without timing anything.
 */
export function faultMiddleware(faults: FaultRegistry): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const ctx = c.get("ctx");
    const merchantId = c.get("caller")?.merchantId ?? sellerOfToken(c.req.header("authorization"), ctx);
    const fault = merchantId ? faults.next(merchantId, { method: c.req.method, path: c.req.path }, ctx.clock.nowMs()) : undefined;
    if (!fault) return next();
    if (fault.rateLimitedFor) throw rateLimited(c, fault.rateLimitedFor);
    if (fault.delayMs > 0) {
      c.header("x-emulator-delay-ms", String(fault.delayMs));
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    if (!fault.hang && !fault.errorStatus) return next();
    // after_handler: the call happens (a write is stored, its webhook queued), then its answer is lost.
    if (fault.afterHandler) await next();
    if (fault.hang) {
      c.header("x-emulator-fault", "hang");
      await untilClientGivesUp(c.req.raw.signal);
      throw apiError(504);
    }
    if (fault.errorStatus === 429) throw rateLimited(c, fault.retryAfterSeconds ?? 1);
    c.header("x-emulator-fault", "error");
    throw apiError(fault.errorStatus!);
  };
}

function rateLimited(c: Context<HonoEnv>, retryAfterSeconds: number): SquareApiError {
  c.header("Retry-After", String(retryAfterSeconds));
  c.header("x-emulator-fault", "rate_limit");
  return new SquareApiError(429, [
    { category: "RATE_LIMIT_ERROR", code: "RATE_LIMITED", detail: "Your application has been rate limited. Try again in a few minutes." },
  ]);
}

function apiError(status: number): SquareApiError {
  const code = API_ERROR_CODES[status] ?? "INTERNAL_SERVER_ERROR";
  return new SquareApiError(status as 500, [{ category: "API_ERROR", code, detail: "An injected fault (POST /_emulator/faults) failed this request." }]);
}

function untilClientGivesUp(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, MAX_HANG_MS);
    timer.unref?.();
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function sellerOfToken(header: string | undefined, ctx: HonoEnv["Variables"]["ctx"]): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  return token ? tables(ctx.store).accessTokens.get(GLOBAL, token)?.merchantId : undefined;
}
