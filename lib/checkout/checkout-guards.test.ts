import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { setCheckoutLinkActive } from "@/lib/db/queries/checkout-links";
import { disconnectSeller } from "@/lib/db/queries/sellers";
import { describeEachDatabase } from "@/test/databases";
import { testSquareConfig } from "@/test/square";
import { runCheckout } from "./run-checkout";
import { connectSeller, createTestLink, submission, TEST_META, testCheckoutDeps } from "./test-support/checkout-seller";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describeEachDatabase("checkout guards: links, input, attempts and rate limits", ({ db }) => {
  const deps = (limits = {}, now?: () => number) => ({ ...testCheckoutDeps(db(), testSquareConfig(local), limits), now });

  async function sellerWithLink(fields = {}) {
    const square = await local.newSeller();
    await connectSeller(db(), square, "Guarded Goods");
    return { square, link: await createTestLink(db(), square, fields) };
  }
  const squareCalls = async (token: string) => ((await (await local.admin("/_emulator/stats", undefined, token)).json()) as { total: number }).total;

  it("an unknown link, an inactive link and a disconnected seller's link are not found, and Square is never called", async () => {
    const { square, link } = await sellerWithLink();
    expect(await runCheckout(deps(), submission("no-such-link"), TEST_META)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await setCheckoutLinkActive(db(), { merchantId: square.merchantId, linkId: link.id, active: false });
    expect(await runCheckout(deps(), submission(link.id), TEST_META)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await setCheckoutLinkActive(db(), { merchantId: square.merchantId, linkId: link.id, active: true });
    await disconnectSeller(db(), { merchantId: square.merchantId });
    expect(await runCheckout(deps(), submission(link.id), TEST_META)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await squareCalls(square.accessToken)).toBe(0);
  });

  it.each([
    ["neither email nor phone", { email: "", phone: "" }, ["email", "phone"], /email address or phone number/],
    ["a malformed email", { email: "ada@" }, ["email"], /valid email address/],
    ["a phone number that is not one", { phone: "12345" }, ["phone"], /valid phone number/],
  ])("refuses %s with a message on the field, before any Square call", async (_what, fields, keys, message) => {
    const { square, link } = await sellerWithLink();
    const outcome = await runCheckout(deps(), submission(link.id, fields), TEST_META);
    expect(outcome).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (outcome.ok || outcome.code !== "INVALID_INPUT") return;
    expect(Object.keys(outcome.fieldErrors).sort()).toEqual(keys);
    expect(outcome.fieldErrors[keys[0] as "email"]![0]).toMatch(message);
    expect(await squareCalls(square.accessToken)).toBe(0);
  });

  it("takes an open amount only within the link's bounds, and ignores any amount sent for a fixed-price link", async () => {
    const open = await sellerWithLink({ pricing: "open", lineItems: [], openMinAmount: 500, openMaxAmount: 2000 });
    for (const amount of [null, 499, 2001])
      expect(await runCheckout(deps(), submission(open.link.id, { amount }), TEST_META)).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { amount: [amount === null ? expect.stringMatching(/Enter the amount/) : "Enter an amount between 5.00 and 20.00 USD."] },
      });
    expect(await squareCalls(open.square.accessToken)).toBe(0);
    const fixed = await sellerWithLink();
    expect(await runCheckout(deps(), submission(fixed.link.id, { amount: 1 }), TEST_META)).toMatchObject({ ok: true, receipt: { amount: { amount: 2899 } } });
  });

  it("refuses an attempt id reused for another amount, another buyer or another link", async () => {
    const { square, link } = await sellerWithLink({ pricing: "open", lineItems: [], openMinAmount: 100, openMaxAmount: 10_000 });
    const other = await createTestLink(db(), square);
    const input = submission(link.id, { amount: 700, sourceId: "cnon:card-nonce-declined" });
    expect(await runCheckout(deps(), input, TEST_META)).toMatchObject({ code: "DECLINED" });
    for (const changed of [{ amount: 800 }, { email: "someone.else@example.com" }, { linkId: other.id }])
      expect(await runCheckout(deps(), { ...input, ...changed, sourceId: "cnon:card-nonce-ok" }, TEST_META)).toMatchObject({ ok: false, code: "ATTEMPT_MISMATCH" });
    expect(await runCheckout(deps(), { ...input, sourceId: "cnon:card-nonce-ok" }, TEST_META)).toMatchObject({ ok: true, receipt: { amount: { amount: 700 } } });
  });

  it("limits submissions per IP address and per link within a window, and lets them through in the next", async () => {
    const { link } = await sellerWithLink();
    let now = Date.UTC(2026, 0, 1, 12, 0, 10);
    const limited = deps({ perIp: 2, perLink: 3, windowSeconds: 60 }, () => now);
    const from = (ip: string) => ({ ...TEST_META, ip });
    // Invalid submissions count too: the limit is on attempts, not on successes.
    const bad = submission(link.id, { email: "", phone: "" });
    expect(await runCheckout(limited, bad, from("198.51.100.1"))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await runCheckout(limited, bad, from("198.51.100.1"))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await runCheckout(limited, bad, from("198.51.100.1"))).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 50 });
    expect(await runCheckout(limited, bad, from("198.51.100.2"))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await runCheckout(limited, bad, from("198.51.100.3"))).toMatchObject({ code: "RATE_LIMITED" });
    now += 60_000;
    expect(await runCheckout(limited, submission(link.id), from("198.51.100.1"))).toMatchObject({ ok: true });
  });
});
