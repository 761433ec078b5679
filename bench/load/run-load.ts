import os from "node:os";
import { browseDashboard, type BrowseResult } from "./browse";
import { runBuyer, type BuyerResult } from "./buyers";
import { squareCall } from "./http";
import { actionId } from "./next-action";
import { prepareSeller, setLatency, type LoadSeller } from "./sellers";
import { cpuSeconds, timing, type Timing } from "./stats";
import { verifyAtSquare } from "./verify";

export interface LoadOptions {
  appUrl: string;
  emulatorUrl: string;
  /** The build the app runs (its server-action manifest names the checkout action). */
  distDir: string;
  buyers: number;
  sellers: number;
  /** Rounds through every dashboard page, per seller. */
  rounds: number;
  latencyMs: number;
  jitterMs: number;
  log?: (line: string) => void;
  /** Processes whose CPU time to report over the concurrent phase (Linux /proc), e.g. { app: pid }. */
  pids?: Record<string, number>;
}

export interface LoadReport {
  options: Omit<LoadOptions, "log" | "pids">;
  checkout: Timing;
  paymentPage: Timing;
  pages: Record<string, Timing>;
  allPages: Timing;
  paid: number;
  declined: number;
  submissions: number;
  squareCalls: number;
  /** Anything other than a paid checkout, a decline or a page that loaded. */
  errors: string[];
  /** Differences between what buyers were told and what Square holds. */
  problems: string[];
  wallMs: number;
  loadAverage: number[];
  /** CPU seconds each watched process spent during the concurrent phase. */
  cpuSeconds: Record<string, number>;
}

/**
 * The bounded load test: sellers are prepared one by one (signed in, synced, Square latency set),
 * then every buyer and every seller starts at once: buyers pay through their seller's checkout link
 * while sellers browse the dashboard. It ends when the last buyer and the last round are done (every
 * request has a timeout), then checks each attempt against the local Square.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const log = opts.log ?? (() => {});
  const payAction = actionId(opts.distDir, "lib/actions/checkout.ts", "payCheckoutAction");
  const sellers: LoadSeller[] = [];
  for (let i = 0; i < opts.sellers; i++) sellers.push(await prepareSeller(opts.appUrl, opts.emulatorUrl, i));
  for (const s of sellers) {
    await setLatency(opts.emulatorUrl, s, opts.latencyMs, opts.jitterMs);
    await squareCall(opts.emulatorUrl, "/_emulator/stats/reset", { token: s.accessToken, body: {} });
  }
  log(`${sellers.length} sellers signed in and synced; ${opts.buyers} buyers and ${sellers.length} sellers start now (Square latency ${opts.latencyMs} ± ${opts.jitterMs} ms).`);

  const cpuAt = () => Object.fromEntries(Object.entries(opts.pids ?? {}).map(([name, pid]) => [name, cpuSeconds(pid) ?? NaN]));
  const cpuBefore = cpuAt();
  const started = performance.now();
  const [buyers, browsing] = await Promise.all([
    Promise.all(Array.from({ length: opts.buyers }, (_, i) => runBuyer(opts.appUrl, payAction, sellers[i % sellers.length].linkId, i))),
    Promise.all(sellers.map((s) => browseDashboard(s, opts.rounds))),
  ]);
  const wallMs = performance.now() - started;
  const loadAverage = os.loadavg();
  const cpuAfter = cpuAt();
  const cpu = Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, Math.round((cpuAfter[name] - cpuBefore[name]) * 10) / 10]));
  for (const s of sellers) await setLatency(opts.emulatorUrl, s, 0, 0);

  let squareCalls = 0;
  for (const s of sellers) squareCalls += (await squareCall<{ total: number }>(opts.emulatorUrl, "/_emulator/stats", { token: s.accessToken })).total;
  const problems = await verifyAtSquare(opts.emulatorUrl, sellers, buyers);
  return summarise(opts, buyers, browsing, { wallMs, loadAverage, squareCalls, problems, cpuSeconds: cpu });
}

function summarise(opts: LoadOptions, buyers: BuyerResult[], browsing: BrowseResult[], extra: Pick<LoadReport, "wallMs" | "loadAverage" | "squareCalls" | "problems" | "cpuSeconds">): LoadReport {
  const { log: _log, pids: _pids, ...options } = opts;
  const views = browsing.flatMap((b) => b.views);
  const pages: Record<string, Timing> = {};
  for (const page of new Set(views.map((v) => v.page))) pages[page] = timing(views.filter((v) => v.page === page).map((v) => v.ms));
  const outcomes = buyers.flatMap((b) => b.outcomes);
  return {
    options,
    checkout: timing(buyers.flatMap((b) => b.submitMs)),
    paymentPage: timing(buyers.map((b) => b.pageMs)),
    pages,
    allPages: timing(views.map((v) => v.ms)),
    paid: buyers.filter((b) => b.outcomes.some((o) => o.ok)).length,
    declined: outcomes.filter((o) => !o.ok && o.code === "DECLINED").length,
    submissions: outcomes.length,
    errors: [...buyers.flatMap((b) => b.errors), ...browsing.flatMap((b) => b.errors)],
    ...extra,
    wallMs: Math.round(extra.wallMs),
  };
}

/** The report as a short Markdown table. */
export function formatReport(r: LoadReport): string {
  const row = (name: string, t: Timing) => `| ${name} | ${t.count} | ${t.p50} | ${t.p95} | ${t.max} |`;
  return [
    `Load: ${r.options.buyers} buyers, ${r.options.sellers} sellers (${r.options.rounds} round${r.options.rounds === 1 ? "" : "s"} of ${Object.keys(r.pages).length} pages each), Square latency ${r.options.latencyMs} ± ${r.options.jitterMs} ms; ${(r.wallMs / 1000).toFixed(1)} s wall, load average ${r.loadAverage.map((n) => n.toFixed(1)).join(" ")}`,
    `${r.paid} paid, ${r.declined} declines, ${r.submissions} submissions, ${r.squareCalls} Square calls; ${r.errors.length} errors, ${r.problems.length} differences at Square.` +
      (Object.keys(r.cpuSeconds).length ? ` CPU: ${Object.entries(r.cpuSeconds).map(([n, s]) => `${n} ${s} s`).join(", ")}.` : ""),
    "",
    "| what | count | p50 ms | p95 ms | max ms |",
    "|---|---:|---:|---:|---:|",
    row("checkout action (per submission)", r.checkout),
    row("payment page", r.paymentPage),
    ...Object.entries(r.pages).map(([name, t]) => row(`dashboard: ${name}`, t)),
    row("dashboard: every page", r.allPages),
  ].join("\n");
}
