import { SquareClient, SquareError } from "square";
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
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}
const applied = async (seller: TestSeller) => (await (await local.admin("/_emulator/faults", undefined, seller.accessToken)).json()).applied;
const raw = (seller: TestSeller, path: string, body?: unknown) =>
  fetch(local.url + path, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${seller.accessToken}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const usd = (cents: number) => ({ amount: BigInt(cents), currency: "USD" as const });

describe("POST /_emulator/faults: targeted routes, lost answers, 429s and counted failures", () => {
  it("faults only the routes named (METHOD /path, * for any method or one segment), leaving the rest alone", async () => {
    const seller = await local.newSeller();
    await setFaults(seller, { error_rate: 1, routes: ["POST /v2/customers", "* /v2/customers/*"] });
    expect((await failure(seller.client.customers.create({ idempotencyKey: key(), givenName: "Ann" }))).statusCode).toBe(500);
    expect((await failure(seller.client.customers.get({ customerId: "missing" }))).statusCode).toBe(500);
    expect((await seller.client.locations.list()).locations).toHaveLength(1);
    expect((await seller.client.customers.list()).data).toEqual([]); // GET /v2/customers is not "POST /v2/customers"
    expect(await applied(seller)).toMatchObject({ requests: 2, errors: 2 });
  });

  it("after_handler: the write happens and its webhook is queued, then the answer is lost; the same key replays it", async () => {
    const seller = await local.newSeller();
    await setFaults(seller, { error_rate: 1, error_status: 502, after_handler: true, routes: ["POST /v2/customers"] });
    const idempotencyKey = key();
    const res = await raw(seller, "/v2/customers", { idempotency_key: idempotencyKey, given_name: "Lost Answer" });
    expect(res.status).toBe(502);
    expect(res.headers.get("x-emulator-fault")).toBe("error");
    expect((await res.json()).errors[0]).toMatchObject({ category: "API_ERROR", code: "BAD_GATEWAY" });
    const [stored] = (await seller.client.customers.list()).data;
    expect(stored.givenName).toBe("Lost Answer");

    await setFaults(seller, {});
    const { customer } = await seller.client.customers.create({ idempotencyKey, givenName: "Lost Answer" });
    expect(customer!.id).toBe(stored.id);
    expect((await seller.client.customers.list()).data).toHaveLength(1);
  });

  it("after_handler with a hang: the payment is taken, the client times out, and a retry with the same key gets that payment", async () => {
    const seller = await local.newSeller();
    const { order } = await seller.client.orders.create({ idempotencyKey: key(), order: { locationId: seller.locationId, lineItems: [{ name: "Tea", quantity: "1", basePriceMoney: usd(450) }] } });
    await setFaults(seller, { hang_rate: 1, after_handler: true, routes: ["POST /v2/payments"] });
    const pay = { idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", amountMoney: usd(450), orderId: order!.id, locationId: seller.locationId };
    const timedOut = await new SquareClient({ token: seller.accessToken, baseUrl: local.url, maxRetries: 0, timeoutInSeconds: 0.2 }).payments.create(pay).catch((e: unknown) => e);
    expect(timedOut instanceof SquareError && timedOut.statusCode === undefined, String(timedOut)).toBe(true);
    expect(await applied(seller)).toMatchObject({ hangs: 1 });

    await setFaults(seller, {});
    const { payment } = await seller.client.payments.create(pay);
    expect(payment!.status).toBe("COMPLETED");
    expect((await seller.client.payments.list({ locationId: seller.locationId })).data.map((p) => p.id)).toEqual([payment!.id]);
  });

  it("error_status 429 answers RATE_LIMITED with Retry-After: retry_after_seconds (default 1)", async () => {
    const seller = await local.newSeller();
    await setFaults(seller, { error_rate: 1, error_status: 429, retry_after_seconds: 7 });
    const limited = await raw(seller, "/v2/locations");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.headers.get("x-emulator-fault")).toBe("rate_limit");
    expect((await limited.json()).errors[0]).toMatchObject({ category: "RATE_LIMIT_ERROR", code: "RATE_LIMITED" });
    await setFaults(seller, { error_rate: 1, error_status: 429 });
    expect((await raw(seller, "/v2/locations")).headers.get("retry-after")).toBe("1");
  });

  it("times: only the first N matching calls fail, so a client's retry of the same call then gets through", async () => {
    const seller = await local.newSeller();
    await setFaults(seller, { error_rate: 1, times: 2, latency_ms: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await raw(seller, "/v2/locations")).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    expect(await applied(seller)).toMatchObject({ requests: 4, errors: 2, delayed: 4 });
  });

  it("refuses a malformed route, an empty list and an unknown error status", async () => {
    const seller = await local.newSeller();
    for (const [body, field] of [
      [{ routes: ["payments"] }, "routes.0"],
      [{ routes: [] }, "routes"],
      [{ error_status: 418 }, "error_status"],
      [{ times: 0 }, "times"],
    ] as const) {
      const res = await local.admin("/_emulator/faults", body, seller.accessToken);
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", field });
    }
  });
});
