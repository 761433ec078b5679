import "server-only";
import { sql } from "drizzle-orm";
import { SYNC_STREAMS, type SyncStreamName } from "@/lib/db/schema";
import { getSeller } from "@/lib/db/queries/sellers";
import { hasScope } from "@/lib/auth/scopes";
import { isAppError } from "@/lib/errors";
import type { SquareClient } from "@/lib/square/client";
import { countCustomers } from "@/lib/square/customers";
import { listLocations } from "@/lib/square/merchants";
import { applyToMirror } from "../apply";
import { recomputeCustomerStats } from "../customer-stats";
import type { SyncDeps } from "../deps";
import { resolveCustomersAtSquare } from "../discover-customers";
import { describeError, SellerNotConnectedError } from "../errors";
import { inMirrorTransaction } from "../mirror-lock";
import { runPool } from "../pool";
import { rebuildSalesRollups, vacuumSalesRollups } from "../sales-rollups";
import { listReferencedMissingCustomers } from "../referenced-customers";
import { beginOrResumeBackfill, noteConfirmed, noteSyncError, updateStream } from "../sync-state";
import { ensureAppSubscription } from "../webhooks/ensure-subscription";
import { attributeAll } from "./attribute-all";
import { analyzeLookupColumns, lookupStatisticsRefresher } from "./lookup-statistics";
import { planPartitions, type Partition, type StreamCheckpoint } from "./partitions";
import { probeEarliest } from "./probe";
import { STREAM_SCOPES } from "../stream-scopes";
import { runPartition } from "./run-partition";

/**
 * Pulls everything the seller has at Square into the mirror: every stream split into partitions
 * fetched with bounded parallelism, written in batches with checkpoints (a restart resumes), then
 * the customers only referenced elsewhere looked up, then every sale attributed and every
 * customer's aggregates computed, once each.
 */
export async function runBackfill(deps: SyncDeps, merchantId: string): Promise<void> {
  const seller = await getSeller(deps.db, { merchantId });
  if (!seller) throw new SellerNotConnectedError(merchantId);
  const run = await beginOrResumeBackfill(deps.db, merchantId);
  const client = await deps.square(merchantId);
  try {
    if (deps.webhooks.ensureSubscription) await ensureAppSubscription(deps, client);
    const locations = await listLocations(client);
    await applyToMirror(deps.db, merchantId, { fetchedAt: new Date(), locations }, { stats: false });
    const locationIds = locations.map((l) => l.id);

    const enabled = SYNC_STREAMS.filter((s) => hasScope(seller, STREAM_SCOPES[s]));
    for (const s of SYNC_STREAMS.filter((s) => !enabled.includes(s)))
      await updateStream(deps.db, merchantId, s, { status: "skipped", lastError: `Patron was not allowed ${STREAM_SCOPES[s]}.` });
    const plans = await planStreams(deps, client, merchantId, run, enabled, locationIds);

    const tasks = [...plans].flatMap(([stream, partitions]) => partitions.filter((p) => !p.done).map((partition) => ({ stream, partition, partitions })));
    const remaining = new Map([...plans].map(([s, parts]) => [s, parts.filter((p) => !p.done).length]));
    for (const [s, n] of remaining) if (n === 0 && run.streams.get(s)?.status !== "done") await finishStream(deps, merchantId, s, run.asOf);
    const skipped = new Set<SyncStreamName>();
    const statistics = lookupStatisticsRefresher(deps.db);
    await runPool(tasks, deps.settings.backfillParallelism, async ({ stream, partition, partitions }) => {
      if (skipped.has(stream)) return;
      try {
        await runPartition({ deps, client, merchantId, stream, partition, saveCheckpoint: (tx) => saveProgress(tx, merchantId, stream, partitions), afterFlush: statistics });
      } catch (err) {
        // Access withdrawn since sign-in: that stream stops, the others go on.
        if (isAppError(err, "MISSING_SCOPE")) {
          skipped.add(stream);
          return updateStream(deps.db, merchantId, stream, { status: "skipped", lastError: describeError(err) });
        }
        await updateStream(deps.db, merchantId, stream, { status: "failed", lastError: describeError(err) });
        throw err;
      }
      remaining.set(stream, remaining.get(stream)! - 1);
      if (remaining.get(stream) === 0) await finishStream(deps, merchantId, stream, run.asOf);
    });

    await resolveCustomersAtSquare(deps.db, client, merchantId, await listReferencedMissingCustomers(deps.db, merchantId), {
      parallelism: deps.settings.backfillParallelism,
      stats: false,
      attribution: false,
    });
    await analyzeLookupColumns(deps.db);
    await attributeAll(deps.db, merchantId);
    await inMirrorTransaction(deps.db, merchantId, async (tx) => {
      await recomputeCustomerStats(tx, merchantId, "all");
      await rebuildSalesRollups(tx, merchantId);
    });
    await refreshPlannerStatistics(deps);
    await vacuumSalesRollups(deps.db);
    await noteConfirmed(deps.db, merchantId, { at: new Date(), backfillFinished: true });
  } catch (err) {
    await noteSyncError(deps.db, merchantId, describeError(err));
    throw err;
  }
}

/** Each stream's partitions: from its checkpoint when resuming, else planned now (with a probe for where its data starts). */
async function planStreams(deps: SyncDeps, client: SquareClient, merchantId: string, run: Awaited<ReturnType<typeof beginOrResumeBackfill>>, enabled: SyncStreamName[], locationIds: string[]) {
  const plans = new Map<SyncStreamName, Partition[]>();
  const toPlan = enabled.filter((s) => {
    const row = run.streams.get(s);
    const checkpoint = row?.checkpoint as StreamCheckpoint | null | undefined;
    if (row?.status === "done") plans.set(s, checkpoint?.partitions.map((p) => ({ ...p, done: true })) ?? []);
    else if (checkpoint?.partitions) plans.set(s, checkpoint.partitions);
    else return true;
    return false;
  });
  if (!toPlan.length) return plans;
  const has = (s: SyncStreamName) => toPlan.includes(s);
  const [earliest, customerTotal] = await Promise.all([
    probeEarliest(client, locationIds, { customers: has("customers"), orders: has("orders"), payments: has("payments") }),
    has("customers") ? countCustomers(client).catch(() => null) : null,
  ]);
  const windows = deps.settings.backfillParallelism * 2;
  for (const stream of toPlan) {
    const earliestMs = stream === "customers" ? earliest.customers : stream === "orders" ? earliest.orders : stream === "payments" ? earliest.payments : earliest.overall;
    const partitions = planPartitions({ stream, earliestMs, asOfMs: run.asOf.getTime(), windows, locationIds });
    plans.set(stream, partitions);
    await updateStream(deps.db, merchantId, stream, {
      status: "running",
      checkpoint: { partitions } satisfies StreamCheckpoint,
      startedAt: new Date(),
      totalCount: stream === "customers" ? customerTotal : null,
      lastError: null,
    });
  }
  return plans;
}

async function saveProgress(tx: Parameters<typeof updateStream>[0], merchantId: string, stream: SyncStreamName, partitions: Partition[]) {
  await updateStream(tx, merchantId, stream, {
    status: "running",
    checkpoint: { partitions } satisfies StreamCheckpoint,
    doneCount: partitions.reduce((n, p) => n + p.count, 0),
  });
}

async function finishStream(deps: SyncDeps, merchantId: string, stream: SyncStreamName, asOf: Date) {
  await updateStream(deps.db, merchantId, stream, { status: "done", finishedAt: new Date(), watermark: asOf, lastError: null });
}

/**
 * A backfill can grow the mirror from nothing to hundreds of thousands of rows at once. PGlite runs
 * no autovacuum, so without fresh statistics the planner keeps its empty-table guesses (sequential
 * scans for the batches' lookups, which then get slower with every batch, and slow views after);
 * PostgreSQL gets them sooner this way too.
 */
async function refreshPlannerStatistics(deps: SyncDeps) {
  await deps.db.execute(sql.raw(`ANALYZE ${MIRROR_TABLES.join(", ")}`));
}

const MIRROR_TABLES = [
  "mirror_customers",
  "mirror_customer_stats",
  "mirror_cards",
  "mirror_gift_cards",
  "mirror_gift_card_customers",
  "mirror_orders",
  "mirror_order_line_items",
  "mirror_order_tenders",
  "mirror_order_customers",
  "mirror_payments",
  "customer_aliases",
];
