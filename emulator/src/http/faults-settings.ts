import { z } from "zod";
import { SquareApiError } from "./errors";

const ROUTE_PATTERN = /^(\*|GET|POST|PUT|PATCH|DELETE) \/[^\s]*$/;
const rate = z.number().min(0).max(1).optional();
const ms = (max: number) => z.number().int().min(0).max(max).optional();

/** POST /_emulator/faults: everything optional; `{}` clears a seller's faults. */
export const FaultSettingsSchema = z
  .object({
    latency_ms: ms(60_000),
    jitter_ms: ms(60_000),
    error_rate: rate,
    /** 429 answers RATE_LIMITED with `Retry-After: retry_after_seconds`, on exactly the calls error_rate picks. */
    error_status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
    retry_after_seconds: z.number().int().min(0).max(3600).optional(),
    hang_rate: rate,
    /** Errors and hangs strike after the handler ran: the write happened, its answer is lost. */
    after_handler: z.boolean().optional(),
    /** Only calls matching one of these ("POST /v2/payments", "PUT /v2/customers/*") are faulted. */
    routes: z.array(z.string().regex(ROUTE_PATTERN, "Write a route as METHOD /path, * for any method or one path segment.")).min(1).max(50).optional(),
    /** At most this many calls fail (error or hang); later ones get only the latency. */
    times: z.number().int().min(1).max(1_000_000).optional(),
    rate_limit_per_second: z.number().positive().max(100_000).optional(),
    webhook_drop_rate: rate,
    webhook_duplicate_rate: rate,
    webhook_delay_ms: ms(3_600_000),
    /** true shuffles windows of 5 events; a number sets the window size. */
    webhook_reorder: z.union([z.boolean(), z.number().int().min(2).max(100)]).optional(),
    /** Seeds the seller's random draws, so which requests fail (or which events drop) is reproducible. */
    seed: z.number().int().optional(),
  })
  .strict();

export type FaultSettings = z.infer<typeof FaultSettingsSchema>;

export const DEFAULT_REORDER_WINDOW = 5;

/** Validates a settings body, refusing problems in Square's error shape with the field named. */
export function parseFaultSettings(raw: unknown): FaultSettings {
  return dropUndefined(parseControlBody(FaultSettingsSchema, raw));
}

/** A control route's JSON body through a zod schema; problems become Square's 400s naming the field. */
export function parseControlBody<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw new SquareApiError(
    400,
    parsed.error.issues.map((issue) => {
      const unknown = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
      const field = unknown ?? issue.path.join(".");
      const code = unknown
        ? "UNKNOWN_BODY_PARAMETER"
        : issue.code === "too_small"
          ? "VALUE_TOO_LOW"
          : issue.code === "too_big"
            ? "VALUE_TOO_HIGH"
            : issue.code === "invalid_type"
              ? "INCORRECT_TYPE"
              : "INVALID_VALUE";
      return { category: "INVALID_REQUEST_ERROR" as const, code, detail: issue.message, ...(field ? { field } : {}) };
    }),
  );
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Whether the settings ask for anything at all (a lone seed does not). */
export function hasFaults(settings: FaultSettings): boolean {
  return Object.keys(settings).some((k) => k !== "seed");
}

/** "POST /v2/payments" or "* /v2/customers/*" as a test of "METHOD /path"; `*` is any method or one segment. */
export function routeMatcher(patterns: string[] | undefined): (method: string, path: string) => boolean {
  if (!patterns) return () => true;
  const compiled = patterns.map((pattern) => {
    const [method, path] = pattern.split(" ");
    const segments = path.split("/").map((s) => (s === "*" ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    return { method, path: new RegExp(`^${segments.join("/")}/?$`) };
  });
  return (method, path) => compiled.some((r) => (r.method === "*" || r.method === method) && r.path.test(path));
}
