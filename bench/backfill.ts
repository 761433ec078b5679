/**
 * `npm run bench:backfill` — a benchmark, not a test.
 *
 * Seeds a seller on a local Square in its own process (POST /_emulator/seed: 10,000 customers and
 * 100,000 orders over 12 months by default), makes every Square call of that seller take 50 ± 10 ms
 * (the emulator's latency fault), backfills Patron's mirror of it with the app's default settings,
 * and prints the backfill time, the Square calls it made (GET /_emulator/stats) and how long the
 * dashboard's queries take over the result.
 *
 * Knobs: BENCH_CUSTOMERS, BENCH_ORDERS, BENCH_MONTHS, BENCH_LATENCY_MS (50), BENCH_JITTER_MS (10),
 * BENCH_PARALLELISM and BENCH_BATCH_SIZE (the app's defaults), BENCH_DATABASE_URL (a PostgreSQL
 * URL; default embedded PGlite in a fresh directory on disk, as the app keeps it, removed after).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTokenCipher } from "../lib/crypto/token-cipher";
import { parseEnv } from "../lib/env-schema";
import { openDb } from "../lib/db/open";
import { upsertSeller } from "../lib/db/queries/sellers";
import { resilientFetch } from "../lib/square/resilient-fetch";
import { clientForSeller } from "../lib/square/seller-client";
import { runBackfill } from "../lib/sync/backfill/run-backfill";
import { syncSettings } from "../lib/sync/settings";
import type { SyncDeps } from "../lib/sync/deps";
import { timeQueries } from "./backfill-queries";

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const CUSTOMERS = num("BENCH_CUSTOMERS", 10_000);
const ORDERS = num("BENCH_ORDERS", 100_000);
const MONTHS = num("BENCH_MONTHS", 12);
const LATENCY = num("BENCH_LATENCY_MS", 50);
const JITTER = num("BENCH_JITTER_MS", 10);
const SCOPES = ["MERCHANT_PROFILE_READ", "CUSTOMERS_READ", "PAYMENTS_READ", "ORDERS_READ", "GIFTCARDS_READ"];

async function startEmulator(): Promise<{ url: string; child: ChildProcess }> {
  // tsx as a loader, not its CLI: the emulator is then this child process itself, whose CPU time is readable.
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/src/server.ts"], {
    env: { ...process.env, SQUARE_EMULATOR_PORT: "0", SQUARE_EMULATOR_DATA: "memory", SQUARE_EMULATOR_DEMO: "false", SQUARE_WEBHOOK_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`The local Square exited (${code}).`)));
  });
  return { url, child };
}

/** User + system CPU seconds a process has used so far (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// The admin calls come minutes apart; a pooled connection the server closed meanwhile is retried.
const fetchOnce = resilientFetch();

async function call<T>(url: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetchOnce(url, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

async function main() {
  const { url, child } = await startEmulator();
  // On disk like the app's (PATRON_DATA_DIR): PGlite's in-memory file system copies a whole table
  // file each time it outgrows its buffer, which at 100,000 orders costs more than the disk writes.
  const pgliteDir = process.env.BENCH_DATABASE_URL ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "patron-bench-pglite-"));
  const handle = await openDb(pgliteDir ? { dataDir: pgliteDir } : { databaseUrl: process.env.BENCH_DATABASE_URL! });
  try {
    console.log(`Seeding ${CUSTOMERS.toLocaleString("en-US")} customers and ${ORDERS.toLocaleString("en-US")} orders over ${MONTHS} months…`);
    let t = Date.now();
    const seeded = await call<{ merchant_id: string; access_token: string; refresh_token: string; location_id: string; counts: Record<string, number> }>(
      `${url}/_emulator/seed`,
      { customers: CUSTOMERS, orders: ORDERS, months: MONTHS },
    );
    console.log(`  seeded in ${((Date.now() - t) / 1000).toFixed(1)} s:`, seeded.counts);

    const cipher = createTokenCipher(randomBytes(32).toString("base64"));
    const merchantId = seeded.merchant_id;
    await upsertSeller(handle.db, {
      merchantId,
      businessName: "Bench Café",
      mainLocationId: seeded.location_id,
      country: "US",
      currency: "USD",
      scopes: SCOPES,
      accessToken: cipher.encrypt(seeded.access_token),
      refreshToken: cipher.encrypt(seeded.refresh_token),
      accessTokenExpiresAt: new Date(Date.now() + 30 * 86_400_000),
    });
    const env = parseEnv({ SQUARE_EMULATOR_URL: url });
    const settings = { ...syncSettings(env), backfillParallelism: num("BENCH_PARALLELISM", env.PATRON_BACKFILL_PARALLELISM), backfillBatchSize: num("BENCH_BATCH_SIZE", env.PATRON_BACKFILL_BATCH_SIZE) };
    const config = { environment: "local" as const, baseUrl: url, applicationId: env.SQUARE_APPLICATION_ID, applicationSecret: env.SQUARE_APPLICATION_SECRET, timeoutInSeconds: 60, maxRetries: env.PATRON_SYNC_MAX_RETRIES, refreshMarginMs: 0 };
    const deps: SyncDeps = {
      db: handle.db,
      square: (m) => clientForSeller({ db: handle.db, config, cipher }, m),
      settings,
      webhooks: { notificationUrl: "http://localhost/unused", signatureKey: "unused", encrypt: (p) => p, decrypt: (s) => s, ensureSubscription: false },
    };

    await call(`${url}/_emulator/faults`, { latency_ms: LATENCY, jitter_ms: JITTER }, seeded.access_token);
    await call(`${url}/_emulator/stats/reset`, {}, seeded.access_token);
    console.log(`Backfilling with ${LATENCY} ± ${JITTER} ms per Square call, parallelism ${settings.backfillParallelism}, batches of ${settings.backfillBatchSize}, on ${handle.engine}…`);
    const loadBefore = os.loadavg()[0];
    const cpuBefore = [process.cpuUsage(), cpuSeconds(child.pid!)] as const;
    t = Date.now();
    // As the job runner would: a failed run is retried and resumes from its checkpoints.
    for (let attempt = 1; ; attempt++) {
      try {
        await runBackfill(deps, merchantId);
        break;
      } catch (err) {
        if (attempt >= 5) throw err;
        console.log(`  run ${attempt} stopped after ${((Date.now() - t) / 1000).toFixed(1)} s (${err instanceof Error ? err.message : err}); resuming`);
      }
    }
    const seconds = (Date.now() - t) / 1000;
    const patronCpu = (process.cpuUsage(cpuBefore[0]).user + process.cpuUsage(cpuBefore[0]).system) / 1e6;
    const squareCpu = cpuSeconds(child.pid!) - cpuBefore[1];
    await call(`${url}/_emulator/faults`, {}, seeded.access_token);
    const stats = await call<{ total: number; calls: Record<string, number> }>(`${url}/_emulator/stats`, undefined, seeded.access_token);

    console.log(`\nBackfill: ${seconds.toFixed(1)} s, ${stats.total.toLocaleString("en-US")} Square calls`);
    console.log(`  CPU during it: Patron ${patronCpu.toFixed(1)} s (Square's answers, database), local Square ${squareCpu.toFixed(1)} s (on ${os.cpus().length} cores)`);
    // The machine may be shared: other work shows in the load average, and stretches the wall time.
    console.log(`  load average (1 min): ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after`);
    for (const [route, n] of Object.entries(stats.calls).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${route}`);
    console.log(`\nQueries over the mirror (median of 5 runs, ${handle.engine}):`);
    for (const row of await timeQueries(handle.db, merchantId)) console.log(`  ${row.ms.toFixed(1).padStart(8)} ms  ${row.name}`);
  } finally {
    await handle.close();
    child.kill();
    if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
