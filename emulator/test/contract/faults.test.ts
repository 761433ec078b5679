import { SquareClient, SquareError, SquareTimeoutError } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";
import { failure, key } from "./payments-fixtures";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

async function setFaults(seller: TestSeller, settings: Record<string, unknown>) {
  const res = await local.admin("/_emulator/faults", settings, seller.accessToken);
  expect(res.status).toBe(200);
  return res.json();
}
const applied = async (seller: TestSeller) => (await (await local.admin("/_emulator/faults", undefined, seller.accessToken)).json()).applied;
const client = (seller: TestSeller, opts: Partial<SquareClient.Options> = {}) =>
  new SquareClient({ token: seller.accessToken, baseUrl: local.url, maxRetries: 0, ...opts });
const rawList = (seller: TestSeller) => fetch(`${local.url}/v2/locations`, { headers: { authorization: `Bearer ${seller.accessToken}` } });

describe("POST /_emulator/faults", () => {
  it("adds latency ± jitter, reported by the server per request, the same for the same seed", async () => {
    const delaysOf = async (seller: TestSeller) => {
      await setFaults(seller, { latency_ms: 30, jitter_ms: 10, seed: 7 });
      const delays: number[] = [];
      for (let i = 0; i < 6; i++) delays.push(Number((await seller.client.locations.list().withRawResponse()).rawResponse.headers.get("x-emulator-delay-ms")));
      return delays;
    };
    const [a, b] = [await local.newSeller(), await local.newSeller()];
    const delays = await delaysOf(a);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(20), expect(d).toBeLessThanOrEqual(40);
    expect(new Set(delays).size).toBeGreaterThan(1);
    expect(await applied(a)).toMatchObject({ requests: 6, delayed: 6, delay_ms_total: delays.reduce((s, d) => s + d, 0) });
    expect(await delaysOf(b)).toEqual(delays);
  });

  it("fails calls with Square's API_ERROR before the handler runs, so a faulted write wrote nothing", async () => {
    const seller = await local.newSeller();
    await setFaults(seller, { error_rate: 1, error_status: 503 });
    const idempotencyKey = key();
    const err = await failure(seller.client.customers.create({ idempotencyKey, givenName: "Lost" }));
    expect(err.statusCode).toBe(503);
    expect(err.errors[0]).toMatchObject({ category: "API_ERROR", code: "SERVICE_UNAVAILABLE" });
    await setFaults(seller, { error_rate: 1 });
    expect((await failure(seller.client.locations.list())).errors[0]).toMatchObject({ category: "API_ERROR", code: "INTERNAL_SERVER_ERROR" });

    await setFaults(seller, {});
    expect((await seller.client.customers.list()).data).toEqual([]);
    await seller.client.customers.create({ idempotencyKey, givenName: "Lost" }); // the retry does the work, once
    expect((await seller.client.customers.list()).data.map((c) => c.givenName)).toEqual(["Lost"]);
  });

  it("fails the same calls for the same seed at a partial error rate", async () => {
    const outcomes = async (seller: TestSeller) => {
      await setFaults(seller, { error_rate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await rawList(seller)).status);
      return statuses;
    };
    const first = await outcomes(await local.newSeller());
    expect(new Set(first)).toEqual(new Set([200, 500]));
    expect(await outcomes(await local.newSeller())).toEqual(first);
  });

  it("answers 429 RATE_LIMITED with Retry-After above the rate, and the SDK's retry waits for it", async () => {
    const seller = await local.newSeller();
    await setFaults(seller, { rate_limit_per_second: 0.5 });
    expect((await rawList(seller)).status).toBe(200);
    const limited = await rawList(seller);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^[12]$/);
    expect((await limited.json()).errors[0]).toMatchObject({ category: "RATE_LIMIT_ERROR", code: "RATE_LIMITED" });
    expect((await failure(seller.client.locations.list())).statusCode).toBe(429);

    const before = (await applied(seller)).rate_limited;
    const { locations } = await client(seller, { maxRetries: 3 }).locations.list();
    expect(locations?.[0]?.id).toBe(seller.locationId);
    expect((await applied(seller)).rate_limited).toBeGreaterThan(before); // it was refused first, then retried
  });

  it("holds a hung request until the client gives up (an SDK timeout)", async () => {
    const seller = await local.newSeller();
    await setFaults(seller, { hang_rate: 1 });
    const outcome = await client(seller, { timeoutInSeconds: 0.2 }).locations.list().catch((e: unknown) => e);
    // square 46 on Node 20 reports its own timeout as a SquareError caused by "timeout" (fetch rejects
    // with the abort reason, not an AbortError), so SquareTimeoutError is accepted but not required.
    const timedOut = outcome instanceof SquareTimeoutError || (outcome instanceof SquareError && outcome.cause === "timeout" && outcome.statusCode === undefined);
    expect(timedOut, String(outcome)).toBe(true);
    expect(await applied(seller)).toMatchObject({ hangs: 1 });
  });

  it("covers /oauth2/token/status, never /_emulator routes, only the seller who set it, until {} clears it", async () => {
    const seller = await local.newSeller();
    const other = await local.newSeller();
    const set = await setFaults(seller, { error_rate: 1 });
    expect(set).toMatchObject({ faults: { error_rate: 1 } });
    expect((await failure(seller.client.oAuth.retrieveTokenStatus())).statusCode).toBe(500);
    expect((await local.admin("/_emulator/stats", undefined, seller.accessToken)).status).toBe(200);
    expect((await local.admin("/_emulator/faults", undefined, seller.accessToken)).status).toBe(200);
    expect((await other.client.locations.list()).locations).toHaveLength(1);

    expect(await setFaults(seller, {})).toMatchObject({ faults: {} });
    expect((await seller.client.oAuth.retrieveTokenStatus()).merchantId).toBe(seller.merchantId);
  });

  it("refuses bad settings in Square's error shape, and callers without a token", async () => {
    const seller = await local.newSeller();
    const refused = async (body: unknown, code: string, field: string) => {
      const res = await local.admin("/_emulator/faults", body, seller.accessToken);
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", code, field });
    };
    await refused({ error_rate: 2 }, "VALUE_TOO_HIGH", "error_rate");
    await refused({ latency_ms: -1 }, "VALUE_TOO_LOW", "latency_ms");
    await refused({ error_status: 418 }, "INVALID_VALUE", "error_status");
    await refused({ latency: 5 }, "UNKNOWN_BODY_PARAMETER", "latency");
    expect((await local.admin("/_emulator/faults", { latency_ms: 5 })).status).toBe(401);
  });
});
