import type { BackfillResult } from "./backfill";
import type { BaselineResult } from "./baselines";
import type { CheckoutResult } from "./checkout";
import type { BenchConfig } from "./config";
import type { FreshnessResult } from "./freshness";
import type { MachineInfo } from "./machine";
import type { BackgroundDb } from "./app-client";
import type { ProfileSummary } from "./profile";
import type { ViewResult } from "./views";

export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

/** Everything bench/results.json holds. */
export interface BenchResults {
  machine: MachineInfo;
  config: Pick<BenchConfig, "customers" | "orders" | "months" | "latencyMs" | "jitterMs" | "runs" | "warmups" | "checkouts" | "freshnessWrites" | "baselineTenders">;
  seed: { seconds: number; counts: Record<string, number> };
  buildSeconds: number | null;
  mergedCustomer: { id: string; oldIds: string[]; orders: number };
  backfill: BackfillResult;
  views: ViewResult[];
  checkout: CheckoutResult;
  freshness: FreshnessResult;
  /** Requests to the app sent again because the connection broke before any answer. */
  connectionRetries: number;
  /** What the app did besides the measured requests, per phase (backfill, views, checkout, freshness). */
  phases: Record<string, PhaseNotes>;
  baselines: { customer360: BaselineResult & { ratio: number }; report90: BaselineResult & { ratio: number } };
  targets: TargetCheck[];
}

export interface PhaseNotes {
  /** Database work outside any request meanwhile (the job runner, work a request left running). */
  backgroundDb: BackgroundDb;
  eventLoopMaxMs: number;
  /** With BENCH_PROFILE naming the phase: where the app's CPU went (the file is under bench/out/). */
  profile?: ProfileSummary;
}

export const VIEW_TARGET_MS = 150;
export const RATIO_TARGET = 50;
export const BACKFILL_TARGET_S = 120;
export const FRESHNESS_TARGET_MS = 1000;
export const CHECKOUT_CALLS_TARGET = 6;

/** The targets, each checked against this run's numbers. */
export function checkTargets(r: Omit<BenchResults, "targets">): TargetCheck[] {
  const ms = (n: number) => `${Math.round(n)} ms`;
  return [
    ...r.views.map((v) => ({ name: `${v.name}: server p50`, target: `≤ ${VIEW_TARGET_MS} ms`, value: ms(v.serverMs.p50), met: v.serverMs.p50 <= VIEW_TARGET_MS })),
    ...(["customer360", "report90"] as const).map((k) => {
      const b = r.baselines[k];
      return { name: `${k === "customer360" ? "Customer 360" : "90-day report"} vs live baseline`, target: `≥ ${RATIO_TARGET}×`, value: `${b.ratio.toFixed(0)}×`, met: b.ratio >= RATIO_TARGET };
    }),
    {
      name: `Backfill at ${r.config.latencyMs} ms`,
      target: `≤ ${BACKFILL_TARGET_S} s`,
      value: `${r.backfill.seconds.toFixed(0)} s`,
      // The target is stated for 50 ms of latency; at another latency the check is only indicative.
      met: r.backfill.seconds <= BACKFILL_TARGET_S,
    },
    {
      name: "Webhook → visible: p95",
      target: `≤ ${FRESHNESS_TARGET_MS} ms`,
      value: r.freshness.timedOut ? `${r.freshness.timedOut} never seen` : ms(r.freshness.ackToVisibleMs.p95),
      met: !r.freshness.timedOut && r.freshness.ackToVisibleMs.p95 <= FRESHNESS_TARGET_MS,
    },
    {
      name: "Checkout: Square calls (most in one attempt)",
      target: `≤ ${CHECKOUT_CALLS_TARGET}`,
      value: String(r.checkout.squareCalls.max),
      met: r.checkout.squareCalls.max <= CHECKOUT_CALLS_TARGET,
    },
  ];
}
