import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { jobs, syncSellers } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { insertSeller } from "@/test/sync/sellers";
import { updateStream } from "../sync-state";
import { scheduleSellerSync } from "./schedule";

describeEachDatabase("scheduling a seller's sync", ({ db }) => {
  const kinds = async (merchantId: string) => (await db().select().from(jobs).where(eq(jobs.merchantId, merchantId))).map((j) => j.kind).sort();

  it("backfills on the first sign-in only, and always arms one reconciliation", async () => {
    const m = await insertSeller(db(), { scopes: ["CUSTOMERS_READ"] });
    expect(await scheduleSellerSync(db(), m)).toEqual({ backfillRequested: true });
    expect(await kinds(m)).toEqual(["backfill", "reconcile"]);
    // The backfill ran; signing in again does not start another.
    await db().update(syncSellers).set({ backfillStartedAt: new Date(), backfillFinishedAt: new Date() }).where(eq(syncSellers.merchantId, m));
    await db().delete(jobs).where(eq(jobs.kind, "backfill"));
    expect(await scheduleSellerSync(db(), m)).toEqual({ backfillRequested: false });
    expect(await kinds(m)).toEqual(["reconcile"]);
  });

  it("backfills again when the seller has since allowed a stream that had to be skipped", async () => {
    const m = await insertSeller(db(), { scopes: ["CUSTOMERS_READ"] });
    await scheduleSellerSync(db(), m);
    await db().update(syncSellers).set({ backfillStartedAt: new Date(), backfillFinishedAt: new Date() }).where(eq(syncSellers.merchantId, m));
    await updateStream(db(), m, "orders", { status: "skipped" });
    expect(await scheduleSellerSync(db(), m)).toEqual({ backfillRequested: false });
    await insertSeller(db(), { merchantId: m, scopes: ["CUSTOMERS_READ", "ORDERS_READ"] });
    expect(await scheduleSellerSync(db(), m)).toEqual({ backfillRequested: true });
  });
});
