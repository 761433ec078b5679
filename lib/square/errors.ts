import "server-only";
import { SquareError, SquareTimeoutError } from "square";
import { AppError } from "@/lib/errors";

/** Square's error envelope as an AppError with a code the app acts on; other errors pass through. */
export function toAppError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof SquareTimeoutError || isSdkTimeout(err)) return new AppError("SQUARE_TIMEOUT", undefined, { cause: err });
  if (!(err instanceof SquareError)) return err;
  const first = err.errors[0];
  const options = { cause: err, squareCode: first?.code, field: first?.field ?? undefined };
  const detail = first?.detail ?? undefined;
  switch (err.statusCode) {
    case 401:
      return new AppError("SQUARE_AUTH", undefined, options);
    case 403:
      if (first?.code === "INSUFFICIENT_SCOPES") return new AppError("MISSING_SCOPE", undefined, { ...options, scopes: scopesIn(detail) });
      return new AppError("FORBIDDEN", detail, options);
    case 404:
      return new AppError("NOT_FOUND", detail, options);
    case 409:
      return new AppError("CONFLICT", undefined, options);
    case 429:
      return new AppError("RATE_LIMITED", undefined, options);
    case 400:
    case 422:
      return new AppError("INVALID_INPUT", detail, options);
    default:
      return new AppError("SQUARE_UNAVAILABLE", undefined, options);
  }
}

/**
 * On Node 20 the SDK's own timeout reaches it as fetch rejecting with the abort reason, the string
 * "timeout", which it reports as a SquareError without a status code instead of SquareTimeoutError.
 * Either way nothing is known about the request's fate, so it is a timeout (retry with the same key).
 */
function isSdkTimeout(err: unknown): boolean {
  return err instanceof SquareError && err.statusCode === undefined && err.cause === "timeout";
}

/** Square lists the missing scopes at the end of the detail, in brackets: "… [ORDERS_READ, ORDERS_WRITE]". */
function scopesIn(detail: string | undefined): string[] | undefined {
  const list = detail?.match(/\[([A-Z_,\s]+)\]\s*\.?$/)?.[1];
  return list ? list.split(/[\s,]+/).filter(Boolean) : undefined;
}

/** Runs one Square call, translating its failure. */
export async function callSquare<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toAppError(err);
  }
}

/** Runs a read whose "not found" is an answer, not a failure: null instead of NOT_FOUND. */
export async function orNotFound<T>(call: () => Promise<T | null>): Promise<T | null> {
  try {
    return await call();
  } catch (err) {
    const appError = toAppError(err);
    if (appError instanceof AppError && appError.code === "NOT_FOUND") return null;
    throw appError;
  }
}
