import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { openDb, type DbHandle } from "@/lib/db/open";
import { testSquareConfig } from "@/test/square";
import { handleLinkRequest, handlePayRequest, type ApiRequestContext } from "./api";
import { connectSeller, createTestLink, testCheckoutDeps, type LocalSquareSeller } from "./test-support/checkout-seller";
import { openApiChecker } from "./test-support/openapi";

let local: TestEmulator;
let handle: DbHandle;
beforeAll(async () => {
  [local, handle] = await Promise.all([startTestEmulator(), openDb({ dataDir: undefined })]);
});
afterAll(async () => {
  await handle?.close();
  await local?.stop();
});

const ROUTE = "/api/pay/{linkId}";
const spec = openApiChecker();

describe("POST and GET /api/pay/{linkId} answer exactly as public/openapi/checkout.json documents", () => {
  let seller: LocalSquareSeller;
  let linkId: string;
  const ctx = (id = linkId, limits = {}): ApiRequestContext => ({ deps: testCheckoutDeps(handle.db, testSquareConfig(local), limits), linkId: id, forwardedForHops: 1 });

  beforeAll(async () => {
    seller = await local.newSeller();
    await connectSeller(handle.db, seller, "API Bakery");
    linkId = (await createTestLink(handle.db, seller)).id;
  });

  async function checked(method: "GET" | "POST", res: Response) {
    const body = await res.json();
    spec.check(method, ROUTE, res.status, body, { "retry-after": res.headers.get("retry-after") });
    return { status: res.status, body };
  }
  const post = (body: unknown, opts: { ctx?: ApiRequestContext; ip?: string; contentType?: string } = {}) =>
    handlePayRequest(
      opts.ctx ?? ctx(),
      new Request("http://localhost/api/pay/x", {
        method: "POST",
        headers: { "content-type": opts.contentType ?? "application/json", "x-forwarded-for": opts.ip ?? "192.0.2.10", "user-agent": "PatronTestApp/1.0 (iOS)" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    ).then((r) => checked("POST", r));
  const pay = (extra: Record<string, unknown> = {}) => ({
    attempt_id: randomUUID(),
    source_id: "cnon:card-nonce-ok",
    buyer: { given_name: "Ines", email_address: `ines.${randomUUID().slice(0, 6)}@example.com` },
    ...extra,
  });

  it("GET describes an active link (items, total, consent wording, Square ids) and 404s otherwise", async () => {
    const { status, body } = await checked("GET", await handleLinkRequest(ctx()));
    expect(status).toBe(200);
    expect(body.link).toMatchObject({ id: linkId, business_name: "API Bakery", pricing: "items", total_amount: 2899, square: { location_id: seller.locationId } });
    expect(body.link.consent.label).toBe("Save my card with API Bakery for future purchases");
    const open = await createTestLink(handle.db, seller, { pricing: "open", lineItems: [], openMinAmount: 100, openMaxAmount: 900, offerSaveCard: false });
    expect((await checked("GET", await handleLinkRequest(ctx(open.id)))).body.link).toMatchObject({ pricing: "open", total_amount: null, open_min_amount: 100, consent: null });
    expect((await checked("GET", await handleLinkRequest(ctx("missing")))).status).toBe(404);
  });

  it("200: pays, with the receipt; the same attempt again is a replay", async () => {
    const body = pay({ save_card: true });
    const first = await post(body);
    expect(first).toMatchObject({ status: 200, body: { replayed: false, receipt: { card_saved: true, amount_money: { amount: 2899, currency: "USD" }, card_last_4: "5858" } } });
    expect(await post(body)).toMatchObject({ status: 200, body: { replayed: true, receipt: { payment_id: first.body.receipt.payment_id } } });
  });

  it("400: names each field it refuses, by its path in the body", async () => {
    expect((await post("not json")).body.error.message).toMatch(/not valid JSON/);
    expect((await post(pay(), { contentType: "text/plain" })).status).toBe(400);
    expect((await post({ ...pay(), verification_token: "x".repeat(70_000) })).body.error.message).toMatch(/too large/);
    const bad = await post({ ...pay(), attempt_id: "7", amount: 1.5, buyer: { email_address: "x@example.com", shoe_size: 9 } });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["amount", "attempt_id", "buyer.shoe_size"]);
    const contact = await post(pay({ buyer: { given_name: "No Contact" } }));
    expect(Object.keys(contact.body.error.fields).sort()).toEqual(["buyer.email_address", "buyer.phone_number"]);
  });

  it("402: a decline names the reason; 409: the attempt changed; 404: no such link", async () => {
    const body = pay({ source_id: "cnon:card-nonce-rejected-cvv" });
    expect(await post(body)).toMatchObject({ status: 402, body: { error: { code: "PAYMENT_DECLINED", reason: "cvv", square_codes: ["CVV_FAILURE"] } } });
    expect((await post({ ...body, source_id: "cnon:card-nonce-ok", buyer: { email_address: "other@example.com" } })).status).toBe(409);
    expect((await post(pay(), { ctx: ctx("missing") })).status).toBe(404);
  });

  it("429: with Retry-After, once an address has used up its window", async () => {
    const limited = ctx(linkId, { perIp: 1 });
    expect((await post(pay({ buyer: {} }), { ctx: limited, ip: "192.0.2.99" })).status).toBe(400);
    const res = await post(pay(), { ctx: limited, ip: "192.0.2.99" });
    expect(res).toMatchObject({ status: 429, body: { error: { code: "RATE_LIMITED" } } });
  });

  it("503: nothing charged when the seller's Square access no longer works", async () => {
    const revoked = await local.newSeller();
    await connectSeller(handle.db, revoked, "Revoked Rolls");
    const link = await createTestLink(handle.db, revoked);
    const { applicationId, applicationSecret } = local.emulator.ctx.config;
    await local.clientFor("unused").oAuth.revokeToken({ clientId: applicationId, merchantId: revoked.merchantId }, { headers: { Authorization: `Client ${applicationSecret}` } });
    expect(await post(pay(), { ctx: ctx(link.id) })).toMatchObject({ status: 503, body: { error: { code: "UNAVAILABLE" } } });
  });

  it("the check itself refuses an undocumented status, a missing field, an extra field and a missing header", () => {
    const probe = openApiChecker();
    expect(() => probe.check("POST", ROUTE, 418, {})).toThrow(/does not describe/);
    expect(() => probe.check("POST", ROUTE, 404, { error: { code: "NOT_FOUND" } })).toThrow(/does not match/);
    expect(() => probe.check("POST", ROUTE, 404, { error: { code: "NOT_FOUND", message: "x", extra: 1 } })).toThrow(/does not match/);
    expect(() => probe.check("POST", ROUTE, 429, { error: { code: "RATE_LIMITED", message: "x", retry_after_seconds: 5 } })).toThrow(/Retry-After/);
  });

  it("every response the document lists was produced and checked above", () => {
    expect([...spec.seen].sort()).toEqual([...spec.documented("GET", ROUTE), ...spec.documented("POST", ROUTE)].sort());
  });
});
