import { createHmac, randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { E2E } from "../support/servers";
import { HUGE, type BadInputCase, type RouteAttempt } from "./types";
import type { World } from "./world";

// Every route handler method with malformed URLs, queries, headers and bodies; each names the
// status it must answer and what the answer must say.

const route = (attempts: (w: World) => RouteAttempt[]): BadInputCase => ({ kind: "route", attempts });
const json = (body: unknown) => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

// The local Square's webhook subscription signs with this key for this URL (emulator/src/config.ts LOCAL_DEFAULTS).
const WEBHOOK_URL = `${E2E.appUrl}/api/webhooks/square`;
const WEBHOOK_KEY = "patron-local-webhook-signature-key";
const sign = (body: string, key = WEBHOOK_KEY, url = WEBHOOK_URL) => createHmac("sha256", key).update(url + body).digest("base64");
const UNSIGNED = /Invalid or missing x-square-hmacsha256-signature/;

/** A customer.deleted notification for the seller's own customer, as Square would send it. */
const deletion = (w: World) =>
  JSON.stringify({
    merchant_id: w.seller.merchantId,
    type: "customer.deleted",
    event_id: randomUUID(),
    created_at: new Date().toISOString(),
    data: { type: "customer", id: w.customerId, deleted: true, object: { customer: { id: w.customerId } } },
  });

const webhook = (what: string, body: string, signature: string | null, status: number, says: RegExp): RouteAttempt => ({
  what,
  method: "POST",
  url: "/api/webhooks/square",
  headers: { "content-type": "application/json", ...(signature === null ? {} : { "x-square-hmacsha256-signature": signature }) },
  body,
  expected: { status, says },
});

export const ROUTE_CASES: Record<string, BadInputCase> = {
  "GET /api/health": route(() => [{ what: "a huge query", url: `/api/health?probe=${HUGE.slice(0, 4000)}`, expected: { status: 200, says: /"status":"ok"/ } }]),

  // next-auth refuses these with a redirect to the sign-in page naming the error; the session stays as it was.
  "GET /api/auth/[...nextauth]": route(() => [
    { what: "Square's callback with no code or state", url: "/api/auth/callback/square", expected: { status: 302, says: /^location: [^\n]*\/(login|api\/auth\/error)\?error=/ } },
    { what: "a forged code and state", url: `/api/auth/callback/square?code=${"sq0cgp-".padEnd(3000, "A")}&state=forged`, expected: { status: 302, says: /^location: [^\n]*\/(login|api\/auth\/error)\?error=/ } },
    { what: "an unknown next-auth route", url: "/api/auth/%00", expected: { status: 400, says: /./ } },
  ]),
  "POST /api/auth/[...nextauth]": route(() => [
    { what: "sign-in without the CSRF token", method: "POST", url: "/api/auth/signin/square", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "callbackUrl=https%3A%2F%2Fevil.example", expected: { status: 302, says: /^location: [^\n]*\/api\/auth\/signin\?csrf=true/ } },
    { what: "sign-out without the CSRF token", method: "POST", url: "/api/auth/signout", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "csrfToken=forged", expected: { status: 302, says: /^location: [^\n]*\/api\/auth\/signout\?csrf=true/ } },
  ]),

  // The directory reads malformed parameters as its defaults (a shared link never breaks the page).
  "GET /api/customers": route(() => [
    { what: "a huge search, an unknown sort and direction, a negative page", url: `/api/customers?q=${HUGE.slice(0, 4000)}&sort=name;drop&dir=sideways&page=-1`, expected: { status: 200, says: /"page":1\b/ } },
    { what: "a page of 1e309", url: "/api/customers?page=1e309&sort=spend", expected: { status: 200, says: /"page":1\b/ } },
  ]),
  "GET /api/customers/export": route(() => [{ what: "a huge search and an unknown sort", url: `/api/customers/export?q=${HUGE.slice(0, 4000)}&sort=__proto__`, expected: { status: 200, says: /\n\uFEFF?Name,/ } }]),

  "GET /api/exports/[table]": route((w) => [
    { what: "an unknown table", url: "/api/exports/sellers", expected: { status: 404, says: /no export called “sellers”/ } },
    { what: "an impossible date", url: "/api/exports/orders?from=2026-02-30", expected: { status: 400, says: /“From” is not a real date/ } },
    { what: "a date that is not one", url: "/api/exports/payments?to=yesterday", expected: { status: 400, says: /“To” must be a date like/ } },
    { what: "another seller's location", url: `/api/exports/summary?location=${w.victim.locationId}`, expected: { status: 400, says: /location is not one of yours/ } },
    { what: "an unknown status and a repeated brand", url: "/api/exports/payments?status=STOLEN&brand=VISA&brand=JCB", expected: { status: 400, says: /“Status” must be one of[\s\S]*“Card brand” once/ } },
    { what: "a huge page cursor", url: `/api/exports/orders?cursor=${HUGE.slice(0, 4000)}`, expected: { status: 400, says: /page link is not valid/ } },
  ]),

  "GET /api/pay/[linkId]": route((w) => [
    { what: "an unknown link", url: "/api/pay/no-such-link", expected: { status: 404, says: /does not exist or is no longer active/ } },
    { what: "a huge link id", url: `/api/pay/${HUGE.slice(0, 4000)}`, expected: { status: 404, says: /does not exist/ } },
    { what: "another seller's merchant id as the link", url: `/api/pay/${w.victim.merchantId}`, expected: { status: 404, says: /does not exist/ } },
  ]),
  "POST /api/pay/[linkId]": route((w) => {
    const body = (extra: Record<string, unknown>) => ({ attempt_id: randomUUID(), source_id: "cnon:card-nonce-ok", buyer: { email_address: "ines@example.com" }, amount: 500, ...extra });
    const post = (what: string, payload: ReturnType<typeof json>, status: number, says: RegExp, linkId = w.links.open): RouteAttempt => ({ what, method: "POST", url: `/api/pay/${linkId}`, ...payload, expected: { status, says } });
    return [
      post("a form body", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "attempt_id=1" }, 400, /Send the body as JSON/),
      post("broken JSON", { headers: { "content-type": "application/json" }, body: "{" }, 400, /not valid JSON/),
      post("a card number as the token", json(body({ source_id: "4111 1111 1111 1111" })), 400, /"source_id":\["That is a card number/),
      post("an amount with fractions of a cent", json(body({ amount: 500.5 })), 400, /"amount":\["Must be an integer amount in minor units/),
      post("an amount as a string", json(body({ amount: "500" })), 400, /"amount":\["Must be an integer amount/),
      post("a forged price field", json(body({ amount_money: { amount: 1, currency: "USD" } })), 400, /"amount_money":\["Unknown field/),
      post("another seller's customer id, forged into the buyer", json(body({ buyer: { customer_id: w.victim.customerId } })), 400, /"buyer.customer_id":\["Unknown field/),
      post("an amount beyond the link's maximum", json(body({ amount: 20_001 })), 400, /"amount":\["Enter an amount between 1\.00 and 200\.00/),
      post("another seller's merchant id as the link", json(body({})), 404, /does not exist/, w.victim.merchantId),
    ];
  }),

  "GET /api/sync/status": route((w) => [{ what: "another seller's merchant id in the query", url: `/api/sync/status?merchantId=${w.victim.merchantId}`, expected: { status: 200, says: /"state":"synced"/ } }]),

  "POST /api/webhooks/square": {
    kind: "route",
    attempts: (w) => {
      const body = deletion(w);
      return [
      webhook("unsigned", body, null, 401, UNSIGNED),
      webhook("signed with another key", body, sign(body, "not-the-key"), 401, UNSIGNED),
      webhook("signed for another URL", body, sign(body, WEBHOOK_KEY, "https://evil.example/api/webhooks/square"), 401, UNSIGNED),
      webhook("a tampered body (signature of the original)", body.replace(w.customerId, w.otherCustomerId), sign(body), 401, UNSIGNED),
      webhook("a garbage signature header", body, "not base64 at all", 401, UNSIGNED),
      webhook("an empty body, signed", "", sign(""), 400, /Not a Square event notification/),
      webhook("signed, but not JSON", "customer.deleted", sign("customer.deleted"), 400, /Not a Square event notification/),
        webhook("signed, but without an event id", JSON.stringify({ merchant_id: w.seller.merchantId, type: "customer.deleted" }), sign(JSON.stringify({ merchant_id: w.seller.merchantId, type: "customer.deleted" })), 400, /Not a Square event notification/),
      ];
    },
    afterwards: async (w) => {
      // A real change at Square after the forged ones: once Patron shows it, anything queued before it has run too.
      const marker = `Marker${randomUUID().slice(0, 8)}`;
      const res = await fetch(`${E2E.emulatorUrl}/v2/customers/${w.otherCustomerId}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${w.seller.accessToken}`, "content-type": "application/json" },
        body: JSON.stringify({ family_name: marker }),
      });
      expect(res.status).toBe(200);
      const found = async (q: string) => ((await (await w.request.get(`/api/customers?q=${q}`)).json()) as { total: number }).total;
      await expect.poll(() => found(marker), { timeout: 30_000 }).toBe(1);
      expect(await found("Hostada"), "the customer a forged webhook tried to delete").toBe(1);
    },
  },
};
