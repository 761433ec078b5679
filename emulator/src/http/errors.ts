import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorCategory =
  | "API_ERROR"
  | "AUTHENTICATION_ERROR"
  | "INVALID_REQUEST_ERROR"
  | "RATE_LIMIT_ERROR"
  | "PAYMENT_METHOD_ERROR"
  | "REFUND_ERROR";

export interface SquareErrorItem {
  category: ErrorCategory;
  code: string;
  detail?: string;
  field?: string;
}

/** Thrown anywhere in a handler; the app turns it into Square's `{ errors: [...] }` envelope. */
export class SquareApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly errors: SquareErrorItem[],
    /** Extra top-level keys sent beside `errors` (CreatePayment returns the FAILED payment). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(errors.map((e) => `${e.code}: ${e.detail ?? ""}`).join("; "));
  }
}

const fail = (status: ContentfulStatusCode, category: ErrorCategory, code: string, detail?: string, field?: string) =>
  new SquareApiError(status, [{ category, code, ...(detail ? { detail } : {}), ...(field ? { field } : {}) }]);

export const errors = {
  badRequest: (code: string, detail: string, field?: string) => fail(400, "INVALID_REQUEST_ERROR", code, detail, field),
  missing: (field: string) => fail(400, "INVALID_REQUEST_ERROR", "MISSING_REQUIRED_PARAMETER", `Field must be set`, field),
  notFound: (detail: string, field?: string) => fail(404, "INVALID_REQUEST_ERROR", "NOT_FOUND", detail, field),
  conflict: (code: string, detail: string, field?: string) => fail(409, "INVALID_REQUEST_ERROR", code, detail, field),
  unauthorized: (code = "UNAUTHORIZED", detail = "This request could not be authorized.") =>
    fail(401, "AUTHENTICATION_ERROR", code, detail),
  insufficientScopes: (scopes: string[]) =>
    fail(
      403,
      "AUTHENTICATION_ERROR",
      "INSUFFICIENT_SCOPES",
      `The merchant has not given your application sufficient permissions to do this. Request these permissions: [${scopes.join(", ")}]`,
    ),
  paymentMethod: (code: string, detail: string, field?: string) => fail(400, "PAYMENT_METHOD_ERROR", code, detail, field),
  rateLimited: () =>
    fail(429, "RATE_LIMIT_ERROR", "RATE_LIMITED", "Your application has been rate limited. Try again in a few minutes."),
  internal: (detail = "An internal error occurred.") => fail(500, "API_ERROR", "INTERNAL_SERVER_ERROR", detail),
};

export function errorResponse(c: Context, error: SquareApiError) {
  return c.json({ ...(error.extra ?? {}), errors: error.errors }, error.status);
}
