import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { listCustomers } from "@/lib/db/queries/customers";
import { getSyncStatus, type SyncStatus } from "@/lib/db/queries/sync";
import { requestBackfill } from "@/lib/sync/jobs/schedule";
import { describeEachDatabase } from "@/test/databases";
import { authorizeSeller, testSquareConfig } from "@/test/square";
import { mirrorDifferences } from "@/test/sync/compare";
import { ALL_SCOPES, clientWithToken, syncTestDeps } from "@/test/sync/harness";
import { insertSeller } from "@/test/sync/sellers";
import { runBackfill } from "./run-backfill";

const DEMO = "PATRONDEMO001";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator({ demo: true });
});
afterAll(() => local.stop());

describeEachDatabase("backfilling the demo café", ({ db }) => {
  it("mirrors a year of the demo seller's history exactly, with progress visible while it runs", async () => {
    const grant = await authorizeSeller(local, testSquareConfig(local), DEMO, ALL_SCOPES);
    await insertSeller(db(), { merchantId: DEMO, accessToken: grant.accessToken, refreshToken: grant.refreshToken, mainLocationId: "PATRONLOC0001", scopes: ALL_SCOPES });
    await requestBackfill(db(), DEMO);
    const deps = syncTestDeps(db(), local, { settings: { backfillParallelism: 4, backfillBatchSize: 200 } });

    // What the dashboard would show, sampled each time the backfill asks Square for a page of payments.
    const seen: SyncStatus[] = [];
    const sampling = {
      ...deps,
      square: async (m: string) => {
        const client = await deps.square(m);
        const fetch = client.fetch.bind(client);
        client.fetch = (async (input, ...rest) => {
          if (String(input).includes("/v2/payments?")) seen.push(await getSyncStatus(db(), { merchantId: m }));
          return fetch(input, ...rest);
        }) as typeof fetch;
        return client;
      },
    };
    await runBackfill(sampling, DEMO);

    const during = seen.filter((s) => s.state === "backfilling" && s.progress > 0 && s.progress < 1);
    expect(during.length, "the progress bar moved").toBeGreaterThan(0);
    expect(during.some((s) => s.streams.some((st) => st.stream === "payments" && st.done > 0 && st.progress < 1))).toBe(true);
    const after = await getSyncStatus(db(), { merchantId: DEMO });
    expect(after).toMatchObject({ state: "synced", progress: 1 });
    expect(after.streams.find((s) => s.stream === "orders")?.done).toBeGreaterThanOrEqual(3000);

    expect(await mirrorDifferences(db(), clientWithToken(local, grant.accessToken), DEMO)).toEqual([]);
    const { total, customers } = await listCustomers(db(), { merchantId: DEMO, sort: "spend", limit: 1 });
    expect(total).toBeGreaterThan(300);
    expect(customers[0].lifetimeSpend.amount).toBeGreaterThan(0);
  });
});
