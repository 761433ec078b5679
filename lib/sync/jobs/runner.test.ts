import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/open";
import { jobs } from "@/lib/db/schema";
import { createPostgresDatabase, describeEachDatabase } from "@/test/databases";
import type { Db } from "@/lib/db/client";
import { claimJobs, enqueueJob } from "./queue";
import { createJobRunner, type JobHandler, type JobRunner } from "./runner";

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fast = { tickMs: 10, leaseMs: 2_000, retryMs: 5, maxAttempts: 3 };

function recorder() {
  const handled: { key: string; runner: string }[] = [];
  const handler = (runner: () => string): JobHandler => ({
    async run(job) {
      handled.push({ key: String(job.payload.key), runner: runner() });
      await settle(1);
    },
  });
  return { handled, handler };
}

async function drained(db: Db, timeout = 15_000) {
  await expect.poll(async () => (await db.select().from(jobs)).filter((j) => !j.failedAt && j.kind !== "recurring").length, { timeout, interval: 20 }).toBe(0);
}

describeEachDatabase("the durable job queue", ({ db }) => {
  let runner: JobRunner | undefined;
  // A failed test must not leave its runner polling a closed database.
  afterEach(() => runner?.stop());

  it("runs each job once, retries failures with backoff, gives up after the last attempt, drops permanent failures", async () => {
    const { handled, handler } = recorder();
    let flaky = 0;
    runner = createJobRunner({
      db: db(),
      concurrency: 3,
      ...fast,
      handlers: {
        record: handler(() => "r"),
        flaky: {
          run: async () => {
            if (++flaky < 3) throw new Error("not yet");
          },
        },
        broken: { run: () => Promise.reject(new Error("always")) },
        gone: { run: () => Promise.reject(new Error("seller gone")), isPermanent: () => true },
      },
    });
    for (let i = 0; i < 10; i++) await enqueueJob(db(), { kind: "record", payload: { key: `k${i}` } });
    await enqueueJob(db(), { kind: "record", payload: { key: "single" }, uniqueKey: "single" });
    await enqueueJob(db(), { kind: "record", payload: { key: "single" }, uniqueKey: "single" });
    await enqueueJob(db(), { kind: "flaky" });
    await enqueueJob(db(), { kind: "broken" });
    await enqueueJob(db(), { kind: "gone" });
    runner.start();
    await expect.poll(async () => (await db().select().from(jobs)).filter((j) => !j.failedAt).length, { timeout: 15_000, interval: 20 }).toBe(0);
    expect(handled.map((h) => h.key).sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `k${i}`), "single"].sort());
    expect(flaky).toBe(3);
    const left = await db().select().from(jobs);
    expect(left.map((j) => [j.kind, j.attempts, j.lastError])).toEqual([["broken", 3, "always"]]);
    await db().delete(jobs);
  });

  it("re-arms recurring jobs, and takes over a job whose runner died holding it", async () => {
    let runs = 0;
    runner = createJobRunner({
      db: db(),
      concurrency: 2,
      ...fast,
      leaseMs: 200,
      handlers: { recurring: { run: async () => ({ rearmInMs: ++runs < 3 ? 0 : 60_000 }) }, record: recorder().handler(() => "r") },
    });
    await enqueueJob(db(), { kind: "recurring", uniqueKey: "recurring" });
    await enqueueJob(db(), { kind: "record", payload: { key: "orphan" } });
    // A runner claims it and dies: its lease (200 ms) runs out and the live runner takes it over.
    expect(await claimJobs(db(), { runnerId: "dead", limit: 10, leaseMs: 200 })).toHaveLength(2);
    runner.start();
    await expect.poll(() => runs, { timeout: 10_000, interval: 20 }).toBe(3);
    await drained(db());
    const [recurring] = await db().select().from(jobs).where(eq(jobs.kind, "recurring"));
    expect(recurring.runAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });
});

describe("two job runners on one PostgreSQL", () => {
  let a: DbHandle;
  let b: DbHandle;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createPostgresDatabase();
    drop = database.drop;
    // Two app instances: two connection pools to the same database.
    a = await openDb({ databaseUrl: database.url });
    b = await openDb({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });

  let runners: JobRunner[] = [];
  afterEach(() => Promise.all(runners.map((r) => r.stop())));

  it("hands each job to exactly one of them", async () => {
    const { handled, handler } = recorder();
    runners = ["one", "two"].map((name, i) =>
      createJobRunner({ db: [a, b][i].db, runnerId: name, concurrency: 4, ...fast, handlers: { record: handler(() => name) } }),
    );
    const keys = Array.from({ length: 120 }, (_, i) => `job${i}`);
    for (const key of keys) await enqueueJob(a.db, { kind: "record", payload: { key } });
    runners.forEach((r) => r.start());
    await drained(a.db, 30_000);
    await Promise.all(runners.map((r) => r.stop()));
    expect(handled.map((h) => h.key).sort()).toEqual([...keys].sort());
    expect(new Set(handled.map((h) => h.runner))).toEqual(new Set(["one", "two"]));
  });
});
