import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { squarePost, tokenWithScopes } from "../history-support";
import type { IsolationCase, SignedIn, Victim } from "./cases";

interface VictimSale {
  paymentId: string;
  orderId: string;
}

let sale: Promise<VictimSale> | undefined;

/**
 * A real sale of the victim's (42.42 to their first customer), made at the local Square and waited
 * for in the victim's own mirror, so the attacker is tried with ids that exist. Made once per run.
 */
function victimSale(v: Victim, victim: SignedIn): Promise<VictimSale> {
  sale ??= (async () => {
    const token = await tokenWithScopes(v.merchantId, ["PAYMENTS_WRITE", "PAYMENTS_READ", "ORDERS_READ"]);
    const { payment } = await squarePost<{ payment: { id: string; order_id: string } }>(
      "/v2/payments",
      { idempotency_key: randomUUID(), source_id: "cnon:card-nonce-ok", amount_money: { amount: 4242, currency: "USD" }, location_id: v.locationId, customer_id: v.customers[0].id },
      token,
    );
    // Square's webhooks bring it into the victim's mirror; the victim sees it before the attacker tries.
    await expect.poll(async () => (await (await victim.request.get(`/payments/${payment.id}`)).text()).includes("$42.42"), { timeout: 30_000 }).toBe(true);
    return { paymentId: payment.id, orderId: payment.order_id };
  })();
  return sale;
}

/** The attacker asks for the victim's real order or payment page: not found, nothing of it shown. */
function detailNotFound(kind: "orders" | "payments", title: string): IsolationCase["afterwards"] {
  return async ({ attacker, victim, v }) => {
    const { paymentId, orderId } = await victimSale(v, victim);
    const id = kind === "orders" ? orderId : paymentId;
    // The dashboard streams (loading.tsx), so not-found arrives as its page rather than a 404 status.
    const page = await (await attacker.request.get(`/${kind}/${id}`)).text();
    expect(page).toContain(title);
    expect(page).not.toContain("42.42");
    expect(await (await victim.request.get(`/${kind}/${id}`)).text()).toContain("$42.42");
  };
}

/** Orders, payments, reports, their detail pages and CSV exports. */
export const HISTORY_CASES: Record<string, IsolationCase> = {
  "page /overview": { kind: "page", urls: (v) => ["/overview", `/overview?merchantId=${v.merchantId}`] },
  "page /orders": {
    kind: "page",
    urls: (v) => ["/orders", `/orders?location=${v.locationId}`, `/orders?merchantId=${v.merchantId}`, `/orders?customer=with&source=Patron+checkout`],
    afterwards: async ({ attacker, victim, v }) => {
      const { orderId } = await victimSale(v, victim);
      expect(await (await attacker.request.get("/orders")).text()).not.toContain(orderId);
    },
  },
  "page /orders/[orderId]": {
    kind: "page",
    urls: (v) => [`/orders/${v.merchantId}`, `/orders/${v.customers[0].id}`, `/orders/${v.locationId}`],
    afterwards: detailNotFound("orders", "Order not found"),
  },
  "page /payments": {
    kind: "page",
    urls: (v) => ["/payments", `/payments?location=${v.locationId}`, `/payments?merchantId=${v.merchantId}&brand=VISA`],
    afterwards: async ({ attacker, victim, v }) => {
      const { paymentId } = await victimSale(v, victim);
      expect(await (await attacker.request.get("/payments")).text()).not.toContain(paymentId);
    },
  },
  "page /payments/[paymentId]": {
    kind: "page",
    urls: (v) => [`/payments/${v.merchantId}`, `/payments/${v.customers[0].id}`],
    afterwards: detailNotFound("payments", "Payment not found"),
  },
  "page /reports": { kind: "page", urls: (v) => ["/reports", `/reports?location=${v.locationId}`, `/reports?merchantId=${v.merchantId}&period=week`] },
  "GET /api/exports/[table]": {
    kind: "route",
    attempts: (v) =>
      ["orders", "payments", "summary", "revenue", "customers", "top-customers", "tenders"].flatMap((table) => [
        { url: `/api/exports/${table}?from=2000-01-01` },
        { url: `/api/exports/${table}?location=${v.locationId}&merchantId=${v.merchantId}` },
      ]),
    afterwards: async ({ attacker, victim, v }) => {
      const { paymentId, orderId } = await victimSale(v, victim);
      const own = await (await attacker.request.get("/api/exports/payments")).text();
      expect(own).not.toContain(paymentId);
      expect(await (await attacker.request.get("/api/exports/orders")).text()).not.toContain(orderId);
      // The victim's own export has it, so the check above could fail.
      expect(await (await victim.request.get("/api/exports/payments")).text()).toContain(paymentId);
    },
  },
};
