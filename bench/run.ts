/**
 * `npm run bench` — a benchmark, not a test (issue 10, part 1). See the README's "Benchmark" section.
 *
 * Builds Patron for production (its own dist dir), starts a fresh local Square and `next start` on
 * the bench's ports with an empty database, seeds a seller at scale, adds a customer with 200 orders
 * over 3 merged profiles, injects latency into every Square call, signs in, and measures: the
 * backfill, each dashboard view, the checkout, webhook freshness, and the same answers computed
 * live from Square as a baseline. Writes bench/results.json and prints a Markdown table (with
 * `--readme`, also into README.md). Every server it starts is stopped, whatever happens.
 */
import fs from "node:fs";
import path from "node:path";
import { appClient } from "./lib/app-client";
import { awaitBackfill, cpuSeconds } from "./lib/backfill";
import { customer360Baseline, report90Baseline } from "./lib/baselines";
import { findCheckoutLink, measureCheckout } from "./lib/checkout";
import { readConfig } from "./lib/config";
import { freshDatabase, type BenchDatabase } from "./lib/database";
import { measureFreshness } from "./lib/freshness";
import { finishMachineInfo, machineInfo } from "./lib/machine";
import { markdownTable } from "./lib/markdown";
import { createMergedCustomer } from "./lib/merged-customer";
import { writeReadmeTable } from "./lib/readme";
import { checkTargets, type BenchResults, type PhaseNotes } from "./lib/results";
import { buildApp, checkPortsFree, startApp, startSquare, stopService, urlsFor, type Service } from "./lib/servers";
import { signIn } from "./lib/sign-in";
import { seedSeller, squareAdmin } from "./lib/square-admin";
import { sdkClient } from "./lib/square-sdk";
import { withProfile } from "./lib/profile";
import { planViews } from "./lib/view-plan";
import { measureView, type ViewResult } from "./lib/views";

const config = readConfig();
const urls = urlsFor(config);
const services: Service[] = [];
let database: BenchDatabase | undefined;
const log = (message: string) => console.log(`\n▶ ${message}`);
const phases: Record<string, PhaseNotes> = {};
/**
 * Runs a phase, noting what the app did besides the measured requests meanwhile (database work
 * outside requests, the longest event-loop stall), under the CPU profiler when BENCH_PROFILE names it.
 */
async function phase<T>(name: string, work: () => Promise<T>, opts: { resetProbe?: boolean } = {}): Promise<T> {
  const probe = appClient(urls.app, "");
  if (opts.resetProbe !== false) await probe.resetProbe();
  const { result, profile } = await withProfile(urls.app, name, config.profile.includes(name), work);
  const status = await probe.probeStatus();
  phases[name] = { backgroundDb: status.background, eventLoopMaxMs: status.eventLoop.maxMs, ...(profile ? { profile } : {}) };
  return result;
}

async function cleanUp() {
  for (const s of services.splice(0).reverse()) await stopService(s);
  await database?.drop().catch((err) => console.error("Dropping the bench database failed:", err));
  database = undefined;
}

async function main() {
  await checkPortsFree(config);
  const buildSeconds = config.skipBuild ? null : (log(`Building Patron for production into ${config.distDir}`), buildApp(config));
  database = await freshDatabase(config.databaseUrl);
  const machine = machineInfo(database.description);

  log(`Seeding ${config.customers.toLocaleString("en-US")} customers and ${config.orders.toLocaleString("en-US")} orders over ${config.months} months`);
  const square = await startSquare(config, urls);
  services.push(square);
  let t = performance.now();
  const seeded = await seedSeller(urls.square, { customers: config.customers, orders: config.orders, months: config.months });
  const seed = { seconds: (performance.now() - t) / 1000, counts: seeded.counts };
  console.log(`  ${seed.seconds.toFixed(0)} s:`, seeded.counts);
  const admin = squareAdmin(urls.square, seeded.access_token);
  const sdk = sdkClient(urls.square, seeded.access_token);
  const merged = await createMergedCustomer(sdk, admin, seeded.location_id, config.mergedOrders, config.mergedProfiles);
  console.log(`  customer ${merged.id}: ${merged.orders} orders over ${merged.oldIds.length} profiles, merged`);
  const timezone = (await sdk.locations.get({ locationId: seeded.location_id })).location?.timezone ?? "UTC";

  log(`Starting Patron (${machine.engine}) and signing in, with ${config.latencyMs} ± ${config.jitterMs} ms on every Square call`);
  const app = await startApp(config, urls, database);
  services.push(app);
  await admin.setFaults({ latencyMs: config.latencyMs, jitterMs: config.jitterMs });
  await admin.resetStats();
  const cpuBefore = { app: cpuSeconds(app.child.pid), square: cpuSeconds(square.child.pid) };
  await appClient(urls.app, "").resetProbe();
  const session = await signIn(urls.app, "Bench Café");
  const client = appClient(urls.app, session.cookie);
  const backfill = await phase("backfill", () =>
    awaitBackfill(client, admin, { allowedAt: session.allowedAt, cpuBefore, pids: { app: app.child.pid, square: square.child.pid }, timeoutMs: config.backfillTimeoutMs }),
    { resetProbe: false }, // reset before sign-in, where the backfill starts
  );
  console.log(`  backfill: ${backfill.seconds.toFixed(1)} s, ${backfill.squareCalls} Square calls`, backfill.rows);

  log(`Timing the dashboard views (${config.runs} runs each)`);
  const plan = await planViews(client, merged, timezone, config.searchTerm);
  const views: ViewResult[] = [];
  await phase("views", async () => {
    for (const view of plan.views) {
      const result = await measureView(client, admin, view, config);
      views.push(result);
      console.log(`  ${result.name}: p50 ${result.serverMs.p50.toFixed(0)} ms, p95 ${result.serverMs.p95.toFixed(0)} ms, db ${result.dbMs.p50.toFixed(0)} ms (${result.queries} queries), ${result.squareCallsPerView} Square calls per view`);
    }
  });
  const probe = await client.probeStatus();
  if (!views.some((v) => v.queries > 0)) throw new Error(`The probe saw no database query in any view (wrapped: ${probe.wrapped.join(", ")}); DB times would be meaningless.`);

  log("Live baselines: the same answers straight from Square, call after call");
  const p50 = (name: string) => views.find((v) => v.name.startsWith(name))!.serverMs.p50;
  const c360 = await customer360Baseline(sdk, admin, client, merged, seeded.location_id);
  console.log(`  customer 360: ${(c360.ms / 1000).toFixed(1)} s, ${c360.squareCalls} calls; live ${JSON.stringify(c360.live)}, Patron ${JSON.stringify(c360.patron)}`);
  const r90 = await report90Baseline(sdk, admin, client, plan.report90, seeded.location_id, config.baselineTenders);
  console.log(`  90-day report: ${(r90.ms / 1000).toFixed(1)} s${r90.extrapolated ? ` (extrapolated from ${r90.sampledTenders} of ${r90.totalTenders} tenders)` : ""}, ${r90.squareCalls} calls`);

  log(`Checkout (${config.checkouts} payments; webhooks dropped meanwhile so the count is the action's own)`);
  await admin.setFaults({ latencyMs: config.latencyMs, jitterMs: config.jitterMs, dropWebhooks: true });
  const linkId = await findCheckoutLink(client);
  const checkout = await phase("checkout", () => measureCheckout(client, admin, { linkId, runs: config.checkouts, returningEmail: merged.email }));
  await admin.setFaults({ latencyMs: config.latencyMs, jitterMs: config.jitterMs });
  console.log(`  p50 ${checkout.serverMs.p50.toFixed(0)} ms, ${checkout.squareCalls.min}–${checkout.squareCalls.max} Square calls (worst: ${checkout.worst.variant})`);

  log(`Freshness (${config.freshnessWrites} writes to Square, each awaited in Patron)`);
  const freshness = await phase("freshness", () => measureFreshness(client, sdk, { writes: config.freshnessWrites, customerId: merged.id, email: merged.email, locationId: seeded.location_id }));
  console.log(`  p50 ${freshness.ackToVisibleMs.p50.toFixed(0)} ms, p95 ${freshness.ackToVisibleMs.p95.toFixed(0)} ms, ${freshness.timedOut} never seen`);

  const partial: Omit<BenchResults, "targets"> = {
    machine: finishMachineInfo(machine),
    config: (({ customers, orders, months, latencyMs, jitterMs, runs, warmups, checkouts, freshnessWrites, baselineTenders }) => ({
      customers, orders, months, latencyMs, jitterMs, runs, warmups, checkouts, freshnessWrites, baselineTenders,
    }))(config),
    seed,
    buildSeconds,
    mergedCustomer: { id: merged.id, oldIds: merged.oldIds, orders: merged.orders },
    backfill,
    views,
    checkout,
    freshness,
    connectionRetries: client.counters.retries,
    phases,
    baselines: { customer360: { ...c360, ratio: c360.ms / p50("Customer 360") }, report90: { ...r90, ratio: r90.ms / p50("Reports") } },
  };
  const results: BenchResults = { ...partial, targets: checkTargets(partial) };
  fs.writeFileSync(config.resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  const table = markdownTable(results);
  console.log(`\n${table}\n\nWrote ${config.resultsPath}.`);
  if (config.writeReadme) {
    writeReadmeTable(path.resolve(__dirname, "../README.md"), table);
    console.log("Wrote the table into README.md.");
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the bench's servers…`);
    void cleanUp().finally(() => process.exit(130));
  });

main()
  .then(cleanUp)
  .catch(async (err) => {
    console.error(err);
    await cleanUp();
    process.exit(1);
  });
