import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import type { IsolationCase, SignedIn } from "./cases";
import { callAction, findAction } from "./next-actions";

/** The victim's checkout link ids, read from their own Checkout links page (local mode gives every seller two). */
async function victimLinkIds(victim: SignedIn): Promise<string[]> {
  const page = await (await victim.request.get("/checkout-links")).text();
  const ids = [...page.matchAll(/\/pay\/([A-Za-z0-9_-]{8,64})/g)].map((m) => m[1]);
  expect(ids.length, "the victim has checkout links to attack").toBeGreaterThan(0);
  return [...new Set(ids)];
}

/** Calls a checkout-link action as the attacker with the victim's real link id: it must not find it. */
function withVictimLink(name: string, args: (id: string) => unknown[]): IsolationCase["afterwards"] {
  return async ({ attacker, victim }) => {
    const [id] = await victimLinkIds(victim);
    const action = findAction("lib/actions/checkout-links.ts", name);
    expect(action, `${name} is exposed to browsers`).toBeDefined();
    const res = await callAction(attacker.request, action!, args(id));
    expect(await res.text()).toContain("does not exist");
    const after = await (await victim.request.get("/checkout-links")).text();
    expect(after).toContain(`/pay/${id}`);
    expect(after).not.toMatch(/Inactive/);
  };
}

const linkForm = (locationId: string) => ({ title: "Stolen", locationId, pricing: "items", lineItems: [{ name: "A", quantity: 1, unitPrice: "1.00" }] });

/** Checkout links (dashboard) and the public checkout: pages, the JSON endpoint and the actions. */
export const CHECKOUT_CASES: Record<string, IsolationCase> = {
  "page /checkout-links": {
    kind: "page",
    urls: (v) => ["/checkout-links", `/checkout-links?merchantId=${v.merchantId}`],
    afterwards: async ({ attacker, victim }) => {
      const own = await (await attacker.request.get("/checkout-links")).text();
      for (const id of await victimLinkIds(victim)) expect(own).not.toContain(id);
    },
  },
  "page /checkout-links/new": { kind: "page", urls: (v) => ["/checkout-links/new", `/checkout-links/new?locationId=${v.locationId}`] },
  "page /checkout-links/[linkId]/edit": {
    kind: "page",
    urls: (v) => [`/checkout-links/${v.merchantId}/edit`, `/checkout-links/${v.locationId}/edit`],
    afterwards: async ({ attacker, victim }) => {
      for (const id of await victimLinkIds(victim)) {
        // The dashboard streams (loading.tsx), so not-found arrives as its page rather than a 404 status.
        const page = await (await attacker.request.get(`/checkout-links/${id}/edit`)).text();
        expect(page).toContain("Checkout link not found");
        expect(page).not.toContain("Morning coffee");
      }
    },
  },
  "page /pay/[linkId]": {
    kind: "page",
    public: "the buyer's payment page; a link shows only its own seller's name and items",
    urls: (v) => [`/pay/${v.merchantId}`, `/pay/${v.locationId}`, `/pay/${v.customers[0].id}`],
  },
  "page /pay/[linkId]/receipt/[attemptId]": {
    kind: "page",
    public: "a buyer's receipt, found only with the attempt id their browser minted",
    urls: (v) => [`/pay/${v.merchantId}/receipt/${randomUUID()}`, `/pay/${v.locationId}/receipt/${v.customers[0].id}`],
  },
  "GET /api/pay/[linkId]": {
    kind: "route",
    public: "a checkout link's public details, for apps",
    attempts: (v) => [{ url: `/api/pay/${v.merchantId}` }, { url: `/api/pay/${v.locationId}` }],
  },
  "POST /api/pay/[linkId]": {
    kind: "route",
    public: "the checkout for apps: pays a link, never reads seller data",
    attempts: (v) => [{ method: "POST", url: `/api/pay/${v.merchantId}`, form: { attempt_id: randomUUID(), source_id: "cnon:card-nonce-ok", email_address: v.customers[0].email } }],
  },
  "action lib/actions/checkout.ts#payCheckoutAction": {
    kind: "action",
    public: "the payment page's submit: anonymous buyers pay a link",
    calls: (v) => [[{ linkId: v.merchantId, attemptId: randomUUID(), sourceId: "cnon:card-nonce-ok", email: v.customers[0].email }], [v.locationId]],
  },
  "action lib/actions/checkout-links.ts#createCheckoutLinkAction": {
    kind: "action",
    // Another seller's location is not one of the attacker's: refused by the location check.
    calls: (v) => [[linkForm(v.locationId)], [{ ...linkForm(v.locationId), merchantId: v.merchantId }]],
  },
  "action lib/actions/checkout-links.ts#updateCheckoutLinkAction": {
    kind: "action",
    calls: (v) => [[v.merchantId, linkForm(v.locationId)]],
    afterwards: withVictimLink("updateCheckoutLinkAction", (id) => [id, { ...linkForm("nowhere"), active: false }]),
  },
  "action lib/actions/checkout-links.ts#setCheckoutLinkActiveAction": {
    kind: "action",
    calls: (v) => [[v.merchantId, false]],
    afterwards: withVictimLink("setCheckoutLinkActiveAction", (id) => [id, false]),
  },
  "action lib/actions/checkout-links.ts#deleteCheckoutLinkAction": {
    kind: "action",
    calls: (v) => [[v.merchantId]],
    afterwards: withVictimLink("deleteCheckoutLinkAction", (id) => [id]),
  },
};
