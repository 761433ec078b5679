import { spawnSync } from "node:child_process";
import path from "node:path";
import { portInUse, startService, stopService, waitForHealthy, type Service } from "../../scripts/lib/processes";
import type { BenchConfig } from "./config";

const ROOT = path.resolve(__dirname, "../..");
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");
const PROBE = path.join(ROOT, "bench/lib/app-probe.mjs");
// The local Square's development credentials (the app's LOCAL_DEFAULTS agree with them).
export const APPLICATION_ID = "sandbox-sq0idb-patron-local";
export const APPLICATION_SECRET = "sandbox-sq0csb-patron-local-secret";

export interface Urls {
  app: string;
  square: string;
  callback: string;
  webhook: string;
}

export const urlsFor = (c: BenchConfig): Urls => ({
  app: `http://localhost:${c.appPort}`,
  square: `http://127.0.0.1:${c.emulatorPort}`,
  callback: `http://localhost:${c.appPort}/api/auth/callback/square`,
  webhook: `http://localhost:${c.appPort}/api/webhooks/square`,
});

export async function checkPortsFree(c: BenchConfig): Promise<void> {
  for (const port of [c.appPort, c.emulatorPort])
    if (await portInUse(port)) throw new Error(`Port ${port} is in use (another bench run?). Stop it or set BENCH_APP_PORT / BENCH_EMULATOR_PORT.`);
}

/** `next build` into the bench's own dist dir, so it never disturbs anyone's `.next`. */
export function buildApp(c: BenchConfig): number {
  const started = Date.now();
  const run = spawnSync(process.execPath, [NEXT, "build"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: c.distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (run.status !== 0) throw new Error(`next build failed (exit ${run.status}).`);
  return (Date.now() - started) / 1000;
}

/** The local Square, in memory (a fresh store every run), delivering webhooks to the bench's app. */
export async function startSquare(c: BenchConfig, u: Urls): Promise<Service> {
  // tsx as a loader rather than its CLI, so the service's pid is the server itself (its CPU is read).
  const service = startService("local square", process.execPath, ["--import", "tsx", "emulator/src/server.ts"], {
    ...process.env,
    SQUARE_EMULATOR_PORT: String(c.emulatorPort),
    SQUARE_EMULATOR_DATA: "memory",
    SQUARE_EMULATOR_DEMO: "false",
    SQUARE_APPLICATION_ID: APPLICATION_ID,
    SQUARE_APPLICATION_SECRET: APPLICATION_SECRET,
    SQUARE_OAUTH_REDIRECT_URIS: u.callback,
    SQUARE_WEBHOOK_URL: u.webhook,
  });
  await waitForHealthy(`${u.square}/_emulator/health`, service, 60_000);
  return service;
}

/**
 * `next start` on the production build, with bench/lib/app-probe.mjs preloaded (per-request server,
 * database and CPU time). Periodic reconciliation is pushed out to a day so that no background
 * Square call lands in a view's call count; webhooks and the job runner work as in production.
 * Checkout rate limits are raised because the bench pays repeatedly from one address.
 */
export async function startApp(c: BenchConfig, u: Urls, db: { databaseUrl?: string; dataDir: string }): Promise<Service> {
  const service = startService("app", process.execPath, ["--import", PROBE, NEXT, "start", "--port", String(c.appPort)], {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: c.distDir,
    PORT: String(c.appPort),
    NEXTAUTH_URL: u.app,
    SQUARE_ENVIRONMENT: "local",
    SQUARE_EMULATOR_URL: u.square,
    SQUARE_APPLICATION_ID: APPLICATION_ID,
    SQUARE_APPLICATION_SECRET: APPLICATION_SECRET,
    SQUARE_WEBHOOK_URL: u.webhook,
    DATABASE_URL: db.databaseUrl ?? "",
    PATRON_DATA_DIR: db.dataDir,
    PATRON_RECONCILE_INTERVAL_MS: String(24 * 3600_000),
    PATRON_CHECKOUT_RATE_LIMIT_PER_IP: "1000000",
    PATRON_CHECKOUT_RATE_LIMIT_PER_LINK: "1000000",
  });
  await waitForHealthy(`${u.app}/api/health`, service, 120_000);
  return service;
}

export { stopService, type Service };
