/**
 * The emulator's settings. Names and development defaults are shared with the app (lib/env.ts),
 * so `npm run dev` needs no configuration: both sides agree on the local application, its
 * redirect URI and the webhook subscription out of the box.
 */
export interface EmulatorConfig {
  port: number;
  /** Directory for the journal, or "memory". */
  dataDir: string;
  applicationId: string;
  applicationSecret: string;
  applicationName: string;
  redirectUris: string[];
  /** The subscription that exists from start-up and survives reset ("" disables it). */
  webhookUrl: string;
  webhookSignatureKey: string;
  /** Delays between webhook delivery attempts, in ms; the attempt count is this length + 1. */
  webhookRetryDelaysMs: number[];
  /** Give up on one delivery attempt after this long. */
  webhookTimeoutMs: number;
  /** Delay before Square attaches a customer to a payment that was created without one. */
  assignDelayMs: number;
  accessTokenTtlSeconds: number;
  /** Life of Web Payments SDK tokens minted by the stand-in. */
  cardNonceTtlSeconds: number;
  /** Seed the demo seller when the store is empty. */
  demo: boolean;
}

export const LOCAL_DEFAULTS = {
  applicationId: "sandbox-sq0idb-patron-local",
  applicationSecret: "sandbox-sq0csb-patron-local-secret",
  redirectUri: "http://localhost:3000/api/auth/callback/square",
  webhookUrl: "http://localhost:3000/api/webhooks/square",
  webhookSignatureKey: "patron-local-webhook-signature-key",
} as const;

// Square's schedule is 1, 2, 4 … minutes over 24 h; locally we keep its doubling shape in seconds.
const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 120_000];

// A plain record, not NodeJS.ProcessEnv: Next's global types make NODE_ENV required there, which `{}` lacks.
export function configFromEnv(env: Record<string, string | undefined> = process.env): EmulatorConfig {
  const list = (value: string | undefined) => (value ?? "").split(/[\s,]+/).filter(Boolean);
  const int = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
    return n;
  };
  const retries = env.SQUARE_EMULATOR_WEBHOOK_RETRY_MS;
  return {
    port: int("SQUARE_EMULATOR_PORT", 4010),
    dataDir: env.SQUARE_EMULATOR_DATA || ".data/emulator",
    applicationId: env.SQUARE_APPLICATION_ID || LOCAL_DEFAULTS.applicationId,
    applicationSecret: env.SQUARE_APPLICATION_SECRET || LOCAL_DEFAULTS.applicationSecret,
    applicationName: env.SQUARE_EMULATOR_APPLICATION_NAME || "Patron (local)",
    redirectUris: env.SQUARE_OAUTH_REDIRECT_URIS ? list(env.SQUARE_OAUTH_REDIRECT_URIS) : [LOCAL_DEFAULTS.redirectUri],
    webhookUrl: env.SQUARE_WEBHOOK_URL ?? LOCAL_DEFAULTS.webhookUrl,
    webhookSignatureKey: env.SQUARE_WEBHOOK_SIGNATURE_KEY || LOCAL_DEFAULTS.webhookSignatureKey,
    webhookRetryDelaysMs: retries !== undefined ? list(retries).map(Number) : DEFAULT_RETRY_DELAYS_MS,
    webhookTimeoutMs: int("SQUARE_EMULATOR_WEBHOOK_TIMEOUT_MS", 10_000),
    assignDelayMs: int("SQUARE_EMULATOR_ASSIGN_DELAY_MS", 2_000),
    accessTokenTtlSeconds: int("SQUARE_EMULATOR_TOKEN_TTL_SECONDS", 30 * 24 * 3600),
    cardNonceTtlSeconds: int("SQUARE_EMULATOR_NONCE_TTL_SECONDS", 24 * 3600),
    demo: env.SQUARE_EMULATOR_DEMO !== "false",
  };
}

/** Settings for tests: in memory, fast retries, no demo unless asked. */
export function testConfig(overrides: Partial<EmulatorConfig> = {}): EmulatorConfig {
  return {
    ...configFromEnv({}),
    dataDir: "memory",
    port: 0,
    webhookUrl: "",
    webhookRetryDelaysMs: [10, 20, 40],
    webhookTimeoutMs: 2_000,
    assignDelayMs: 20,
    demo: false,
    ...overrides,
  };
}
