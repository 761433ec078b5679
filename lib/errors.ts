/**
 * Failures the app expects and knows how to explain. Anything else is a bug and reaches error.tsx.
 * Codes, not messages, drive behaviour (e.g. MISSING_SCOPE offers to re-authorize).
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: "You need to sign in with Square.",
  SQUARE_AUTH: "Square no longer accepts Patron's access to this account. Sign in with Square again.",
  MISSING_SCOPE: "Patron was not given permission to do this.",
  FORBIDDEN: "Square refused this request.",
  NOT_FOUND: "Not found.",
  INVALID_INPUT: "Some of the input was not accepted.",
  CONFLICT: "Someone changed this at the same time. Reload and try again.",
  RATE_LIMITED: "Square is busy. Wait a moment and try again.",
  SQUARE_UNAVAILABLE: "Square could not be reached. Try again shortly.",
  SQUARE_TIMEOUT: "Square took too long to answer. Try again shortly.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorOptions {
  /** The input field at fault (dotted, as Square names it). */
  field?: string;
  /** For MISSING_SCOPE: the OAuth scopes that would allow it. */
  scopes?: string[];
  /** Square's own error code, when Square answered. */
  squareCode?: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly field?: string;
  readonly scopes?: string[];
  readonly squareCode?: string;

  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.field = options.field;
    this.scopes = options.scopes;
    this.squareCode = options.squareCode;
  }
}

export const isAppError = (err: unknown, code?: ErrorCode): err is AppError =>
  err instanceof AppError && (code === undefined || err.code === code);
