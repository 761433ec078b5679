import { z } from "zod";

export const SQUARE_ENVIRONMENTS = ["local", "sandbox", "production"] as const;
export type SquareEnvironmentName = (typeof SQUARE_ENVIRONMENTS)[number];

/**
 * Development defaults shared with the local Square (emulator/src/config.ts LOCAL_DEFAULTS): both
 * sides agree on the local application, its redirect URI and the webhook subscription out of the box.
 * They are copied, not imported, because the app never imports emulator code.
 */
export const LOCAL_DEFAULTS = {
  SQUARE_EMULATOR_URL: "http://127.0.0.1:4010",
  SQUARE_APPLICATION_ID: "sandbox-sq0idb-patron-local",
  SQUARE_APPLICATION_SECRET: "sandbox-sq0csb-patron-local-secret",
  SQUARE_WEBHOOK_URL: "http://localhost:3000/api/webhooks/square",
  SQUARE_WEBHOOK_SIGNATURE_KEY: "patron-local-webhook-signature-key",
  NEXTAUTH_SECRET: "patron-local-development-nextauth-secret",
  // 32 bytes, base64. Only ever protects tokens minted by the local Square.
  PATRON_ENCRYPTION_KEY: "cGF0cm9uLWxvY2FsLWRldmVsb3BtZW50LWtleS0zMiE=",
} as const;

export class ConfigError extends Error {
  constructor(
    readonly mode: string,
    readonly problems: { key: string; message: string }[],
  ) {
    super(
      `Patron cannot start (SQUARE_ENVIRONMENT=${mode}); fix these settings:\n` +
        problems.map((p) => `  ${p.key} ${p.message}`).join("\n") +
        "\nSee .env.example for what each one is.",
    );
    this.name = "ConfigError";
  }
}

const text = () => z.string({ error: (i) => (i.input === undefined ? "is missing" : "must be text") });
const int = (min: number, max: number) =>
  z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const httpUrl = () => text().pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));

const isKey32 = (v: string) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32;
const encryptionKey = () => text().refine(isKey32, "must be 32 random bytes in base64 (openssl rand -base64 32)");

/** Per environment, the prefixes Square gives application IDs and secrets (see square-api-notes). */
const CREDENTIAL_PREFIX = {
  sandbox: { id: "sandbox-sq0idb-", secret: "sandbox-sq0csb-" },
  production: { id: "sq0idp-", secret: "sq0csp-" },
} as const;

const common = z.object({
  PORT: int(1, 65535).default(3000),
  NEXTAUTH_URL: httpUrl().optional(),
  DATABASE_URL: text()
    .pipe(z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }))
    .optional(),
  PATRON_DATA_DIR: text().default(".data/app"),
  /** Per-request timeout for calls to Square. */
  PATRON_SQUARE_TIMEOUT_SECONDS: int(1, 600).default(15),
  /** Automatic retries of a Square call on 408/429/5xx (writes carry idempotency keys). */
  PATRON_SQUARE_MAX_RETRIES: int(0, 5).default(2),
  /** Refresh a seller's access token when it has less than this long to live (Square advises weekly). */
  PATRON_TOKEN_REFRESH_MARGIN_SECONDS: int(0, 29 * 24 * 3600).default(7 * 24 * 3600),
  // The public checkout (lib/checkout/rate-limit.ts): limits are configurable so load tests can raise them.
  /** Public checkout submissions allowed per buyer IP address per window. */
  PATRON_CHECKOUT_RATE_LIMIT_PER_IP: int(1, 1_000_000).default(20),
  /** Public checkout submissions allowed per checkout link per window, from all buyers together. */
  PATRON_CHECKOUT_RATE_LIMIT_PER_LINK: int(1, 1_000_000).default(120),
  PATRON_CHECKOUT_RATE_LIMIT_WINDOW_SECONDS: int(1, 24 * 3600).default(60),
  /** Which X-Forwarded-For entry, counted from the right, is the buyer's address (1: the last one). */
  PATRON_FORWARDED_FOR_HOPS: int(1, 10).default(1),
  // The mirror (lib/sync): every delay is configurable so tests can make it tiny.
  /** How often each seller's mirror is reconciled with Square (catches lost webhooks). */
  PATRON_RECONCILE_INTERVAL_MS: int(10, 24 * 3600_000).default(5 * 60_000),
  /** Reconciliation re-reads changes from this long before its watermark (clock skew, late writes). */
  PATRON_RECONCILE_OVERLAP_MS: int(0, 24 * 3600_000).default(2 * 60_000),
  /** How often the job runner looks for due jobs (it is also woken at once when work is queued). */
  PATRON_JOB_TICK_MS: int(5, 600_000).default(1_000),
  /** Jobs one app instance runs at the same time. */
  PATRON_JOB_CONCURRENCY: int(1, 64).default(4),
  /** A claimed job is another runner's to take over if not renewed within this long (crash recovery). */
  PATRON_JOB_LEASE_MS: int(100, 3600_000).default(2 * 60_000),
  /** First retry delay of a failed job; doubles per attempt. */
  PATRON_JOB_RETRY_MS: int(1, 3600_000).default(5_000),
  /** Attempts before a job is given up (reconciliation is re-armed regardless). */
  PATRON_JOB_MAX_ATTEMPTS: int(1, 100).default(8),
  /** Square requests a backfill keeps in flight at once. */
  PATRON_BACKFILL_PARALLELISM: int(1, 64).default(8),
  /** Objects written per database transaction during a backfill. */
  PATRON_BACKFILL_BATCH_SIZE: int(1, 10_000).default(500),
  /** Retries of a sync read that Square answered 429/5xx (the SDK honours Retry-After). */
  PATRON_SYNC_MAX_RETRIES: int(0, 10).default(5),
  /** The most a seller may charge a card or gift card on file in one go, in minor units (cents). */
  PATRON_CHARGE_MAX_AMOUNT: int(1, 100_000_000_00).default(5_000_00),
});

const localSquare = z.object({
  SQUARE_ENVIRONMENT: z.literal("local"),
  SQUARE_EMULATOR_URL: httpUrl().default(LOCAL_DEFAULTS.SQUARE_EMULATOR_URL),
  SQUARE_APPLICATION_ID: text().default(LOCAL_DEFAULTS.SQUARE_APPLICATION_ID),
  SQUARE_APPLICATION_SECRET: text().default(LOCAL_DEFAULTS.SQUARE_APPLICATION_SECRET),
  // Defaults to this app's own webhook route (LOCAL_DEFAULTS' value on the default port).
  SQUARE_WEBHOOK_URL: httpUrl().optional(),
  SQUARE_WEBHOOK_SIGNATURE_KEY: text().default(LOCAL_DEFAULTS.SQUARE_WEBHOOK_SIGNATURE_KEY),
  NEXTAUTH_SECRET: text().default(LOCAL_DEFAULTS.NEXTAUTH_SECRET),
  PATRON_ENCRYPTION_KEY: encryptionKey().default(LOCAL_DEFAULTS.PATRON_ENCRYPTION_KEY),
});

function realSquare(mode: "sandbox" | "production") {
  const prefix = CREDENTIAL_PREFIX[mode];
  return z.object({
    SQUARE_ENVIRONMENT: z.literal(mode),
    SQUARE_EMULATOR_URL: z.string().optional(),
    SQUARE_APPLICATION_ID: text().refine((v) => v.startsWith(prefix.id), `must be a ${mode} application ID (${prefix.id}…)`),
    SQUARE_APPLICATION_SECRET: text().refine((v) => v.startsWith(prefix.secret), `must be a ${mode} application secret (${prefix.secret}…)`),
    SQUARE_WEBHOOK_URL: httpUrl(),
    SQUARE_WEBHOOK_SIGNATURE_KEY: text().refine((v) => v.length >= 16, "must be the subscription's signature key"),
    NEXTAUTH_URL: httpUrl(),
    NEXTAUTH_SECRET: text().refine((v) => v.length >= 32, "must be at least 32 characters (openssl rand -base64 32)"),
    PATRON_ENCRYPTION_KEY: encryptionKey(),
  });
}

/** Every variable Patron reads (.env.example must list each one). */
export const ENV_KEYS = [...new Set([...Object.keys(common.shape), ...Object.keys(localSquare.shape), ...Object.keys(realSquare("production").shape)])].sort();

const modeSchema = z.enum(SQUARE_ENVIRONMENTS, { error: "must be local, sandbox or production" }).default("local");

/** Validates a process environment into Patron's settings, or throws a ConfigError naming every bad key. */
export function parseEnv(raw: Record<string, string | undefined>) {
  // An empty variable counts as unset, so `FOO=` in a .env file falls back like a missing one.
  const source = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const mode = modeSchema.safeParse(source.SQUARE_ENVIRONMENT);
  if (!mode.success) throw new ConfigError(String(source.SQUARE_ENVIRONMENT), [{ key: "SQUARE_ENVIRONMENT", message: mode.error.issues[0].message }]);
  const square = mode.data === "local" ? localSquare : realSquare(mode.data);
  const parsed = common.and(square).safeParse({ ...source, SQUARE_ENVIRONMENT: mode.data });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ key: String(i.path[0]), message: i.message }));
    throw new ConfigError(mode.data, uniqueByKey(problems));
  }
  const env = parsed.data;
  const appUrl = (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return {
    ...env,
    SQUARE_EMULATOR_URL: env.SQUARE_EMULATOR_URL ?? LOCAL_DEFAULTS.SQUARE_EMULATOR_URL,
    SQUARE_WEBHOOK_URL: env.SQUARE_WEBHOOK_URL ?? `${appUrl}/api/webhooks/square`,
    NEXTAUTH_URL: appUrl,
  };
}

export type Env = ReturnType<typeof parseEnv>;

function uniqueByKey<T extends { key: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.key) && seen.add(i.key));
}
