import type { BaselineResult } from "./baselines";
import { BACKFILL_TARGET_S, CHECKOUT_CALLS_TARGET, FRESHNESS_TARGET_MS, RATIO_TARGET, VIEW_TARGET_MS, type BenchResults } from "./results";

const n = (x: number) => Math.round(x).toLocaleString("en-US");
const ms = (x: number) => (x >= 100_000 ? `${n(x / 1000)} s` : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${n(x)} ms`);
const mark = (met: boolean, extra = "") => `${met ? "✅ met" : "❌ missed"}${extra ? ` (${extra})` : ""}`;
const calls = (x: number) => (Number.isInteger(x) ? n(x) : x.toFixed(2));

function baselineRow(label: string, b: BaselineResult & { ratio: number }): string {
  const approx = b.extrapolated ? "~" : "";
  const how = b.extrapolated ? `, **extrapolated** from the first ${n(b.sampledTenders)} of ${n(b.totalTenders)} tenders` : `, ${n(b.totalTenders)} tenders`;
  const agreement = b.agrees === null ? "" : b.agrees ? ", same answer as Patron" : ", **answer differs from Patron's**";
  return `| Live baseline: ${label}${how}${agreement} | ${approx}${ms(b.ms)} | — | — | ${approx}${n(b.squareCalls)} | Patron ≥ ${RATIO_TARGET}× faster | ${mark(b.ratio >= RATIO_TARGET, `${approx}${n(b.ratio)}×`)} |`;
}

/** The app's database work outside requests while views and checkouts were measured, when it mattered. */
function background(r: BenchResults): string {
  const parts = (["views", "checkout"] as const)
    .map((k) => [k, r.phases[k]?.backgroundDb] as const)
    .filter(([, bg]) => bg && bg.ms >= 100)
    .map(([k, bg]) => `${ms(bg!.ms)} during the ${k === "views" ? "views" : "checkouts"} (${n(bg!.queries)} statements; results.json names the costliest)`);
  return parts.length ? ` Database work outside any request: ${parts.join(", ")}.` : "";
}

/** The results as the Markdown the bench prints and puts in the README. */
export function markdownTable(r: BenchResults): string {
  const b = r.backfill;
  const m = r.machine;
  const lines = [
    `Seller: ${n(r.seed.counts.customers ?? r.config.customers)} customers, ${n(r.seed.counts.orders ?? r.config.orders)} orders, ${n(r.seed.counts.payments ?? 0)} payments over ${r.config.months} months; every Square call ${r.config.latencyMs} ± ${r.config.jitterMs} ms.`,
    "",
    "| Measure | Server time p50 / p95 | DB time p50 | App CPU p50 | Square calls | Target | |",
    "|---|---:|---:|---:|---:|---|---|",
    `| Backfill: the whole seller into the mirror (app's own clock: ${b.appSeconds === null ? "n/a" : `${b.appSeconds.toFixed(0)} s`}${b.errors.length ? `; **${b.errors.length} error(s) on the way**, resumed by Patron's retries: see results.json` : ""}) | ${b.seconds.toFixed(0)} s | — | ${n(b.cpuSeconds.app)} s | ${n(b.squareCalls)} | ≤ ${BACKFILL_TARGET_S} s | ${mark(b.seconds <= BACKFILL_TARGET_S)} |`,
    ...r.views.map(
      (v) =>
        `| ${v.name}${v.detail ? ` (${v.detail})` : ""} | ${ms(v.serverMs.p50)} / ${ms(v.serverMs.p95)} | ${ms(v.dbMs.p50)} | ${ms(v.cpuMs.p50)} | ${calls(v.squareCallsPerView)} per view | p50 ≤ ${VIEW_TARGET_MS} ms | ${mark(v.serverMs.p50 <= VIEW_TARGET_MS)} |`,
    ),
    `| Checkout: ${r.checkout.runs} real card payments through POST /api/pay (new and returning buyers, card saved or not) | ${ms(r.checkout.serverMs.p50)} / ${ms(r.checkout.serverMs.p95)} | ${ms(r.checkout.dbMs.p50)} | ${ms(r.checkout.cpuMs.p50)} | ${r.checkout.squareCalls.min}–${r.checkout.squareCalls.max} per checkout${r.checkout.lateCalls ? ` (+${r.checkout.lateCalls} after answering)` : ""} | ≤ ${CHECKOUT_CALLS_TARGET} calls | ${mark(r.checkout.squareCalls.max <= CHECKOUT_CALLS_TARGET)} |`,
    `| Freshness: Square write → visible in Patron via the webhook (${r.freshness.writes} writes${r.freshness.timedOut ? `, ${r.freshness.timedOut} never seen in 30 s` : ""}) | ${ms(r.freshness.ackToVisibleMs.p50)} / ${ms(r.freshness.ackToVisibleMs.p95)} | — | — | — | p95 ≤ ${FRESHNESS_TARGET_MS} ms | ${mark(!r.freshness.timedOut && r.freshness.ackToVisibleMs.p95 <= FRESHNESS_TARGET_MS)} |`,
    baselineRow("customer 360 (SearchOrders → GetPayment per tender → RetrieveCustomer per payment)", r.baselines.customer360),
    baselineRow("90-day report (same walk)", r.baselines.report90),
    "",
    `Views: ${r.config.runs} sequential runs each after ${r.config.warmups} warm-ups. Server time is measured inside the app (request received → response finished, streamed panels included); DB time is the wall time during which at least one of that request's queries was in flight, and app CPU the app process's CPU time meanwhile (bench/lib/app-probe.mjs); on a shared machine CPU time is the steadier figure. Ratios compare the live walk's time with Patron's p50 for the same view. Backfill: ${n(b.cpuSeconds.app)} s of CPU in the app, ${n(b.cpuSeconds.square)} s in the local Square; the app's event loop stalled for up to ${ms(b.appEventLoopMaxMs)} at a time meanwhile.${background(r)}${r.connectionRetries ? ` ${r.connectionRetries} request(s) to the app were sent again after the connection broke.` : ""}`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.os}; database ${m.engine}; load average ${m.loadAtStart.join(" / ")} at the start and ${(m.loadAtEnd ?? []).join(" / ")} at the end (1 / 5 / 15 min); commit ${m.commit}; ${m.startedAt.slice(0, 16).replace("T", " ")} UTC.`,
  ];
  return lines.join("\n");
}
