import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import type { IsolationCase, Victim } from "./cases";

const customerPages = (path = "") => (v: Victim) => [
  `/customers/${v.customers[0].id}${path}`,
  `/customers/${encodeURIComponent(v.customers[1].id)}${path}?history=${encodeURIComponent(`2999-01-01T00:00:00.000Z|x`)}`,
];

/** Every action names the victim's customer: each must answer NOT_FOUND from the attacker's own mirror. */
const onVictimCustomer = (args: (v: Victim, customerId: string) => Record<string, unknown>): IsolationCase => ({
  kind: "action",
  calls: (v) => v.customers.map((c) => [args(v, c.id)]),
});

/** The customer directory, the customer 360 and its forms, their JSON and CSV routes and actions. */
export const CUSTOMER_CASES: Record<string, IsolationCase> = {
  "page /customers/[customerId]": {
    kind: "page",
    urls: customerPages(),
    afterwards: async ({ victim, v }) => {
      // The owner does see this page, so the check above is not vacuous.
      expect(await (await victim.request.get(`/customers/${v.customers[0].id}`)).text()).toContain(v.customers[0].email);
    },
  },
  "page /customers/[customerId]/edit": { kind: "page", urls: customerPages("/edit") },
  "page /customers/new": { kind: "page", urls: (v) => ["/customers/new", `/customers/new?merchantId=${v.merchantId}`] },
  "page /customers/duplicates": { kind: "page", urls: (v) => ["/customers/duplicates", `/customers/duplicates?merchant_id=${v.merchantId}`] },
  "GET /api/customers": {
    kind: "route",
    attempts: (v) => [
      { url: "/api/customers" },
      { url: `/api/customers?q=${encodeURIComponent(v.customers[0].email)}` },
      { url: `/api/customers?q=${encodeURIComponent(v.customers[0].givenName)}&merchantId=${v.merchantId}` },
    ],
  },
  "GET /api/customers/export": {
    kind: "route",
    attempts: (v) => [{ url: "/api/customers/export" }, { url: `/api/customers/export?q=${encodeURIComponent(v.customers[0].email)}&merchantId=${v.merchantId}` }],
  },

  // The attacker's own Square and mirror are searched and written; the victim's email finds nobody there.
  "action lib/actions/customers.ts#createCustomerAction": {
    kind: "action",
    calls: (v) => [[{ attemptId: randomUUID(), values: { givenName: "Mallory", emailAddress: v.customers[0].email } }]],
  },
  "action lib/actions/customers.ts#findExistingCustomersAction": {
    kind: "action",
    calls: (v) => [[{ emailAddress: v.customers[0].email }], [{ emailAddress: v.customers[1].email, phoneNumber: "+12065550100" }]],
  },
  "action lib/actions/customers.ts#updateCustomerAction": {
    ...onVictimCustomer((_, customerId) => ({
      customerId,
      version: 0,
      original: { givenName: "Victimada", familyName: "Secret" },
      values: { givenName: "Mallory", familyName: "Secret" },
    })),
    afterwards: async ({ victim, v }) => {
      const page = await (await victim.request.get(`/customers/${v.customers[0].id}`)).text();
      expect(page).toContain(v.customers[0].givenName);
      expect(page).not.toContain("Mallory");
    },
  },
  "action lib/actions/cards.ts#saveCardAction": onVictimCustomer((_, customerId) => ({ customerId, sourceId: "cnon:card-nonce-ok", postalCode: "94103", consent: true })),
  "action lib/actions/cards.ts#saveCardFromPaymentAction": onVictimCustomer((_, customerId) => ({ customerId, paymentId: "PAYMENT", consent: true })),
  "action lib/actions/cards.ts#disableCardAction": onVictimCustomer((_, customerId) => ({ customerId, cardId: "ccof:customer-card-id-ok" })),
  "action lib/actions/gift-cards.ts#linkGiftCardAction": onVictimCustomer((_, customerId) => ({ customerId, gan: "7783320000000000" })),
  "action lib/actions/gift-cards.ts#unlinkGiftCardAction": onVictimCustomer((_, customerId) => ({ customerId, giftCardId: "gftc:unknown" })),
  "action lib/actions/charges.ts#chargeOnFileAction": onVictimCustomer((_, customerId) => ({ customerId, attemptId: randomUUID(), sourceId: "ccof:customer-card-id-ok", amount: "1.00" })),
  "action lib/actions/orders.ts#createCustomerOrderAction": onVictimCustomer((_, customerId) => ({
    customerId,
    attemptId: randomUUID(),
    lineItems: [{ name: "Stolen", quantity: 1, price: "1.00" }],
    payWith: "ccof:customer-card-id-ok",
  })),
};
