import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { expectNoWrite, sellerRows, squareWrites, resetSquareCalls } from "@/test/no-write";
import { testSquareConfig } from "@/test/square";
import { handlePayRequest } from "./api";
import { submitCheckout } from "./submit";
import { API_CASES, apiBody, submission, SUBMIT_CASES, type Links } from "./test-support/bad-input-cases";
import { connectSeller, createTestLink, TEST_META, testCheckoutDeps, type LocalSquareSeller } from "./test-support/checkout-seller";
import { openApiChecker } from "./test-support/openapi";

/**
 * The buyer's checkout against hostile input (test-support/bad-input-cases.ts), through the payment
 * page's submit and the JSON endpoint: a specific error naming the field, and nothing written for
 * the seller at Square or in Patron. A reused attempt id pays once, or is refused when it changed.
 */
const ZOD_DEFAULT = /Invalid input|expected \w+, received|Too (big|small)|Invalid (string|uuid|UUID|option)/;
const spec = openApiChecker();

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describeEachDatabase("hostile input to the checkout", ({ db, engine }) => {
  let seller: LocalSquareSeller;
  let links: Links;
  const deps = () => testCheckoutDeps(db(), testSquareConfig(local));
  const noWrite = <T>(attempt: () => Promise<T>) => expectNoWrite({ local, db: db(), merchantId: seller.merchantId, token: seller.accessToken }, attempt);
  const post = (linkId: string, body: unknown, contentType = "application/json") =>
    handlePayRequest(
      { deps: deps(), linkId, forwardedForHops: 1 },
      new Request(`http://localhost/api/pay/${linkId}`, { method: "POST", headers: { "content-type": contentType, "x-forwarded-for": "192.0.2.77" }, body: typeof body === "string" ? body : JSON.stringify(body) }),
    );

  beforeAll(async () => {
    seller = await local.newSeller();
    await connectSeller(db(), seller, "Hostile Bakery");
    const other = await local.newSeller();
    await connectSeller(db(), other, "Other Bakery");
    links = {
      fixed: (await createTestLink(db(), seller)).id,
      open: (await createTestLink(db(), seller, { pricing: "open", lineItems: [], openMinAmount: 100, openMaxAmount: 10_000 })).id,
      otherSellersInactive: (await createTestLink(db(), other, { active: false })).id,
    };
  });

  const clear = (m: string) => {
    expect(m, "a sentence").toMatch(/^[A-Z].*[.!?]$/);
    expect(m).not.toMatch(ZOD_DEFAULT);
  };

  // Validation is the same code on either engine: PostgreSQL runs the cases that read the database.
  const submitCases = engine === "pglite" ? SUBMIT_CASES : SUBMIT_CASES.filter((c) => c.expected.code !== "INVALID_INPUT");
  it.each(submitCases.map((c) => [c.what, c] as const))("the payment page's submit: %s", async (_, c) => {
    const outcome = await noWrite(() => submitCheckout(deps(), c.input(links), TEST_META));
    expect(outcome).toMatchObject({ ok: false, code: c.expected.code });
    if (outcome.ok || outcome.code !== "INVALID_INPUT" || c.expected.code !== "INVALID_INPUT") return;
    const messages = (outcome.fieldErrors as Record<string, string[] | undefined>)[c.expected.field];
    expect(messages, `an error on ${c.expected.field} (got ${JSON.stringify(outcome.fieldErrors)})`).toBeDefined();
    messages!.forEach(clear);
    if (c.expected.message) expect(messages!.join(" ")).toMatch(c.expected.message);
  });

  const apiCases = engine === "pglite" ? API_CASES : API_CASES.filter((c) => c.expected.status !== 400);
  it.each(apiCases.map((c) => [c.what, c] as const))("POST /api/pay/{linkId}: %s", async (_, c) => {
    const res = await noWrite(() => post(c.linkId?.(links) ?? links.fixed, c.body(links), c.contentType));
    const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string[]> } };
    spec.check("POST", "/api/pay/{linkId}", res.status, body, { "retry-after": res.headers.get("retry-after") });
    expect(res.status).toBe(c.expected.status);
    expect(body.error.code).toBe(c.expected.code);
    clear(body.error.message);
    const messages = c.expected.field ? body.error.fields?.[c.expected.field] : [body.error.message];
    expect(messages, `an error on ${c.expected.field} (got ${JSON.stringify(body.error.fields)})`).toBeDefined();
    messages!.forEach(clear);
    if (c.expected.message) expect(messages!.join(" ")).toMatch(c.expected.message);
  });

  it("an attempt sent twice pays once; changed (amount, buyer or link), it is refused and writes nothing", async () => {
    const first = submission(links, { linkId: links.open, amount: 700 });
    await resetSquareCalls({ local, token: seller.accessToken });
    const paid = await submitCheckout(deps(), first, TEST_META);
    expect(paid).toMatchObject({ ok: true });
    expect(await submitCheckout(deps(), first, TEST_META)).toMatchObject({ ok: true, replayed: true });
    expect(await squareWrites({ local, token: seller.accessToken })).toEqual({ "POST /v2/customers": 1, "POST /v2/orders": 1, "POST /v2/payments": 1 });

    const rows = await sellerRows(db(), seller.merchantId);
    for (const changed of [{ amount: 800 }, { email: "someone.else@example.com" }, { linkId: links.fixed }])
      expect(await noWrite(() => submitCheckout(deps(), { ...first, ...changed }, TEST_META))).toMatchObject({ ok: false, code: "ATTEMPT_MISMATCH" });
    const api = await noWrite(() => post(links.fixed, apiBody({ attempt_id: first.attemptId })));
    expect(api.status).toBe(409);
    expect(await sellerRows(db(), seller.merchantId)).toEqual(rows);
    expect(randomUUID()).not.toBe(first.attemptId);
  });
});
