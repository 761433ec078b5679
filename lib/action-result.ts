import { AppError, ERROR_CODES, type ErrorCode } from "./errors";

/** What every server action returns: expected failures are values, not exceptions. */
export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; scopes?: string[] };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });

/** Turns an AppError into a failed result; anything else is a bug and is rethrown to error.tsx. */
export function toActionError(err: unknown): ActionResult<never> {
  if (!(err instanceof AppError)) throw err;
  return {
    ok: false,
    code: err.code,
    message: err.message || ERROR_CODES[err.code],
    ...(err.field ? { fieldErrors: { [err.field]: [err.message] } } : {}),
    ...(err.scopes ? { scopes: err.scopes } : {}),
  };
}
