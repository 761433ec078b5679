// npm run bench:load — the full bounded load test (a benchmark, not a test): 50 buyers pay through the
// payment page's server action while 20 sellers browse the dashboard, against a local Square adding
// 50 ± 10 ms to every call. It builds Patron into its own folder, starts it and its own local Square on
// loopback ports of their own, runs, checks every attempt at Square, prints the table, stops both.
// Settings (env): BENCH_LOAD_BUYERS, BENCH_LOAD_SELLERS, BENCH_LOAD_ROUNDS, BENCH_LATENCY_MS,
// BENCH_JITTER_MS, BENCH_LOAD_APP_PORT (3320), BENCH_LOAD_EMULATOR_PORT (4320), BENCH_LOAD_DIST_DIR
// (.next-bench-load), BENCH_LOAD_SKIP_BUILD=1 to reuse the last build. Results: bench/out/load.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startService, stopService, waitForHealthy, type Service } from "../scripts/lib/processes";
import { formatReport, runLoad } from "./load/run-load";

const ROOT = path.resolve(__dirname, "..");
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const APP_PORT = num("BENCH_LOAD_APP_PORT", 3320);
const EMULATOR_PORT = num("BENCH_LOAD_EMULATOR_PORT", 4320);
const DIST_DIR = process.env.BENCH_LOAD_DIST_DIR ?? ".next-bench-load";
const APP = `http://127.0.0.1:${APP_PORT}`;
const SQUARE = `http://127.0.0.1:${EMULATOR_PORT}`;
const CREDENTIALS = { SQUARE_APPLICATION_ID: "sandbox-sq0idb-patron-local", SQUARE_APPLICATION_SECRET: "sandbox-sq0csb-patron-local-secret" };

async function main() {
  process.chdir(ROOT);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR };
  if (!process.env.BENCH_LOAD_SKIP_BUILD) {
    console.log(`Building Patron into ${DIST_DIR}…`);
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed.");
  }
  const services: Service[] = [];
  try {
    const emulator = startService("local square", process.execPath, ["node_modules/tsx/dist/cli.mjs", "emulator/src/server.ts"], {
      ...env,
      ...CREDENTIALS,
      SQUARE_EMULATOR_PORT: String(EMULATOR_PORT),
      SQUARE_EMULATOR_DATA: "memory",
      SQUARE_OAUTH_REDIRECT_URIS: `${APP}/api/auth/callback/square`,
      SQUARE_WEBHOOK_URL: `${APP}/api/webhooks/square`,
    });
    services.push(emulator);
    await waitForHealthy(`${SQUARE}/_emulator/health`, emulator, 60_000);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "patron-bench-load-"));
    const app = startService("app", process.execPath, ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(APP_PORT)], {
      ...env,
      ...CREDENTIALS,
      SQUARE_ENVIRONMENT: "local",
      SQUARE_EMULATOR_URL: SQUARE,
      NEXTAUTH_URL: APP,
      PORT: String(APP_PORT),
      PATRON_DATA_DIR: dataDir,
      DATABASE_URL: "",
      // Every buyer comes from its own address; the per-link limit must let a whole run through.
      PATRON_CHECKOUT_RATE_LIMIT_PER_LINK: "100000",
    });
    services.push(app);
    await waitForHealthy(`${APP}/api/health`, app, 120_000);

    const report = await runLoad({
      appUrl: APP,
      emulatorUrl: SQUARE,
      distDir: DIST_DIR,
      buyers: num("BENCH_LOAD_BUYERS", 50),
      sellers: num("BENCH_LOAD_SELLERS", 20),
      rounds: num("BENCH_LOAD_ROUNDS", 3),
      latencyMs: num("BENCH_LATENCY_MS", 50),
      jitterMs: num("BENCH_JITTER_MS", 10),
      log: (line) => console.log(line),
      pids: { app: app.child.pid!, "local square": emulator.child.pid! },
    });
    console.log("\n" + formatReport(report));
    fs.mkdirSync(path.join(ROOT, "bench/out"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "bench/out/load.json"), JSON.stringify({ ...report, at: new Date().toISOString(), cpus: os.cpus().length }, null, 2));
    if (report.errors.length || report.problems.length) {
      console.error(["", "Errors:", ...report.errors, "Differences at Square:", ...report.problems].join("\n"));
      process.exitCode = 1;
    }
  } finally {
    for (const s of services.reverse()) await stopService(s);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
