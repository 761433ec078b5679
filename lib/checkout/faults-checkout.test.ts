import { afterAll, beforeAll, expect, it } from "vitest";
import { mintToken, startTestEmulator, type TestEmulator, type TestSeller } from "@/test/local-square";
import { listCardConsents } from "@/lib/db/queries/card-consents";
import { describeEachDatabase } from "@/test/databases";
import { testSquareConfig } from "@/test/square";
import { runCheckout } from "./run-checkout";
import { connectSeller, createTestLink, submission, TEST_META, testCheckoutDeps } from "./test-support/checkout-seller";
import type { CheckoutOutcome } from "./types";

// The checkout against a Square that fails: before a write, after a write whose answer is lost,
// with 429s and hangs. Whatever happens, one attempt is at most one order and one completed payment,
// and the order is the buyer's. Lost answers are injected with the local Square's `after_handler`.

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const BUSY = "The payment service is busy or unreachable. Try again in a moment; you will not be charged twice.";

describeEachDatabase("checkout under Square faults", ({ db }) => {
  const deps = (overrides: Parameters<typeof testSquareConfig>[1] = {}) => testCheckoutDeps(db(), testSquareConfig(local, overrides));

  async function seller(): Promise<TestSeller> {
    const square = await local.newSeller();
    await connectSeller(db(), square, "Faulty Beans");
    return square;
  }
  const faults = async (s: TestSeller, settings: object) => {
    const res = await local.admin("/_emulator/faults", settings, s.accessToken);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { applied: Record<string, number> }).applied;
  };
  const applied = async (s: TestSeller) => ((await (await local.admin("/_emulator/faults", undefined, s.accessToken)).json()) as { applied: Record<string, number> }).applied;

  /** Square's own record of one attempt: its orders and payments (both carry the attempt as reference_id). */
  async function atSquare(s: TestSeller, attemptId: string) {
    const orders = ((await s.client.orders.search({ locationIds: [s.locationId] })).orders ?? []).filter((o) => o.referenceId === attemptId);
    const payments = (await s.client.payments.list({ locationId: s.locationId })).data.filter((p) => p.referenceId === attemptId);
    return { orders, payments, completed: payments.filter((p) => p.status === "COMPLETED") };
  }
  async function expectPaidOnce(s: TestSeller, attemptId: string, outcome: CheckoutOutcome) {
    expect(outcome).toMatchObject({ ok: true });
    const { orders, completed } = await atSquare(s, attemptId);
    expect(orders).toHaveLength(1);
    expect(completed).toHaveLength(1);
    expect(orders[0]).toMatchObject({ state: "COMPLETED", customerId: completed[0].customerId });
    expect(completed[0].orderId).toBe(orders[0].id);
    if (outcome.ok) expect(outcome.receipt.paymentId).toBe(completed[0].id);
    return { order: orders[0], payment: completed[0] };
  }

  it("a payment Square took whose answer was lost: the buyer is asked to try again, and the retry with the same or a new card token returns that payment", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    for (const retryToken of ["same", "new"] as const) {
      const input = submission(link.id, { sourceId: await mintToken(local, s) });
      await faults(s, { error_rate: 1, error_status: 502, after_handler: true, routes: ["POST /v2/payments"], times: 1 });
      expect(await runCheckout(deps(), input, TEST_META)).toEqual({ ok: false, code: "UNAVAILABLE", message: BUSY });
      expect((await atSquare(s, input.attemptId)).completed).toHaveLength(1); // charged, though Patron never heard
      const sourceId = retryToken === "same" ? input.sourceId : await mintToken(local, s);
      await expectPaidOnce(s, input.attemptId, await runCheckout(deps(), { ...input, sourceId }, TEST_META));
    }
  });

  it("a payment request that hangs after Square charged: Patron times out, and the retry returns that payment", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const input = submission(link.id);
    await faults(s, { hang_rate: 1, after_handler: true, routes: ["POST /v2/payments"], times: 1 });
    expect(await runCheckout(deps({ timeoutInSeconds: 0.3 }), input, TEST_META)).toEqual({ ok: false, code: "UNAVAILABLE", message: BUSY });
    expect(await applied(s)).toMatchObject({ hangs: 1 });
    await expectPaidOnce(s, input.attemptId, await runCheckout(deps(), input, TEST_META));
  });

  it("every write's answer lost in turn (customer, order, payment, card): five submissions make one customer, order, payment, card and consent", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const input = submission(link.id, { saveCard: true });
    for (const route of ["POST /v2/customers", "POST /v2/orders", "POST /v2/payments", "POST /v2/cards"]) {
      await faults(s, { error_rate: 1, after_handler: true, routes: [route], times: 1 });
      expect(await runCheckout(deps(), { ...input, sourceId: await mintToken(local, s) }, TEST_META), route).toMatchObject({ ok: false, code: "UNAVAILABLE" });
      expect(await applied(s), route).toMatchObject({ errors: 1 });
    }
    await faults(s, {});
    const outcome = await runCheckout(deps(), { ...input, sourceId: await mintToken(local, s) }, TEST_META);
    expect(outcome).toMatchObject({ ok: true, receipt: { cardSaved: true } });
    const { payment } = await expectPaidOnce(s, input.attemptId, outcome);
    expect((await s.client.customers.list()).data.map((c) => c.id)).toEqual([payment.customerId]);
    expect((await s.client.cards.list({ customerId: payment.customerId })).data).toHaveLength(1);
    expect(await listCardConsents(db(), { merchantId: s.merchantId, customerId: payment.customerId! })).toHaveLength(1);
  });

  it("a 429 with Retry-After, a 5xx before the write and a hang before it: nothing is charged, the buyer is told to try again, and the retry pays once", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const cases = [
      { error_rate: 1, error_status: 429, retry_after_seconds: 30, routes: ["POST /v2/payments"] },
      { error_rate: 1, error_status: 503, routes: ["POST /v2/orders"] },
      { hang_rate: 1, routes: ["POST /v2/customers/search"] },
    ];
    for (const settings of cases) {
      const input = submission(link.id);
      await faults(s, { ...settings, times: 1 });
      expect(await runCheckout(deps({ timeoutInSeconds: 0.3 }), input, TEST_META), JSON.stringify(settings)).toMatchObject({ ok: false, code: "UNAVAILABLE" });
      expect((await atSquare(s, input.attemptId)).payments).toEqual([]);
      await expectPaidOnce(s, input.attemptId, await runCheckout(deps(), input, TEST_META));
    }
  });

  it("with the SDK's own retries on (as in production), a lost payment answer is retried with the same key and the buyer just gets the receipt", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const input = submission(link.id);
    // retry_after_seconds keeps the SDK's wait at its one-second floor.
    await faults(s, { error_rate: 1, error_status: 429, retry_after_seconds: 1, after_handler: true, routes: ["POST /v2/payments"], times: 1 });
    await expectPaidOnce(s, input.attemptId, await runCheckout(deps({ maxRetries: 2 }), input, TEST_META));
    expect(await applied(s)).toMatchObject({ requests: 2, errors: 1 });
  });

  it("buyers paying at once, double-clicking, while a third of Square's answers are lost: each attempt ends with exactly one order and one payment", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    await faults(s, { error_rate: 0.3, after_handler: true, seed: 11 });
    const buyers = Array.from({ length: 6 }, () => submission(link.id));
    const payUntilDone = async (input: ReturnType<typeof submission>) => {
      for (let tries = 0; tries < 15; tries++) {
        const sourceId = await mintToken(local, s); // the page tokenizes the card again for every submit
        const [first, second] = await Promise.all([runCheckout(deps(), { ...input, sourceId }, TEST_META), runCheckout(deps(), { ...input, sourceId }, TEST_META)]);
        for (const outcome of [first, second]) if (!outcome.ok) expect(outcome.code).toBe("UNAVAILABLE");
        if (first.ok || second.ok) return first.ok ? first : second;
      }
      throw new Error(`attempt ${input.attemptId} never went through`);
    };
    const outcomes = await Promise.all(buyers.map(payUntilDone));
    expect((await applied(s)).errors).toBeGreaterThan(5);
    await faults(s, {});
    for (const [i, input] of buyers.entries()) await expectPaidOnce(s, input.attemptId, outcomes[i]);
    expect((await s.client.payments.list({ locationId: s.locationId })).data.filter((p) => p.status === "COMPLETED")).toHaveLength(buyers.length);
  });
});
