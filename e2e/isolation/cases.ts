import { expect, type APIRequestContext } from "@playwright/test";
import type { LocalCustomer } from "../support/local-square";
import { SYNC_CASES } from "./sync-cases";
import { CHECKOUT_CASES } from "./checkout-cases";
import { CUSTOMER_CASES } from "./customer-cases";
import { HISTORY_CASES } from "./history-cases";

/** The seller whose data the attacker must not reach, with ids an attacker could try. */
export interface Victim {
  merchantId: string;
  businessName: string;
  locationId: string;
  customers: LocalCustomer[];
  /** A ListCustomers cursor minted for the victim's token. */
  customersCursor: string;
  /** A fresh OAuth authorization code for the victim (as if intercepted). */
  authorizationCode(): Promise<string>;
}

export interface SignedIn {
  merchantId: string;
  request: APIRequestContext;
}

export interface Attempt {
  method?: "GET" | "POST";
  url: string;
  form?: Record<string, string>;
}

interface Common {
  /** Why this surface holds no seller data; it is still tried, and must still not leak. */
  public?: string;
  /** Case-specific checks once the attempts are made (the generic checks always run). */
  afterwards?: (t: { attacker: SignedIn; victim: SignedIn; v: Victim }) => Promise<void>;
}

export type IsolationCase =
  | (Common & { kind: "page"; urls: (v: Victim) => string[]; /** The owner sees their data here (proves the leak check can fail). */ showsOwnData?: boolean })
  | (Common & { kind: "route"; attempts: (v: Victim) => Promise<Attempt[]> | Attempt[] })
  | (Common & { kind: "action"; calls: (v: Victim) => unknown[][] });

/**
 * How to call each page, route handler and server action as one seller with another seller's ids.
 * Keys come from e2e/isolation/surface.ts; a new file without an entry here fails the isolation test.
 * Later work adds entries (e.g. "page /customers/[customerId]" → urls: v => [`/customers/${v.customers[0].id}`]).
 */
export const CASES: Record<string, IsolationCase> = {
  ...CHECKOUT_CASES,
  "page /": { kind: "page", urls: () => ["/"] },
  "page /login": { kind: "page", public: "the sign-in page", urls: () => ["/login", "/login?callbackUrl=/settings"] },
  "page /customers": {
    kind: "page",
    showsOwnData: true,
    urls: (v) => ["/customers", `/customers?cursor=${encodeURIComponent(v.customersCursor)}`, `/customers?q=${v.customers[0].email}`, "/customers?page=2"],
  },
  "page /settings": { kind: "page", showsOwnData: true, urls: () => ["/settings"] },
  ...HISTORY_CASES,
  ...CUSTOMER_CASES,

  ...SYNC_CASES,
  "GET /api/health": { kind: "route", public: "liveness only", attempts: () => [{ url: "/api/health" }] },
  "GET /api/auth/[...nextauth]": {
    kind: "route",
    public: "next-auth's own endpoints",
    attempts: async (v) => [
      { url: "/api/auth/session" },
      { url: "/api/auth/providers" },
      // A stolen code for the victim, without the state cookie of a sign-in the attacker started.
      { url: `/api/auth/callback/square?code=${await v.authorizationCode()}&state=forged` },
    ],
    afterwards: async ({ attacker }) => {
      const session = await (await attacker.request.get("/api/auth/session")).json();
      expect(session.merchantId).toBe(attacker.merchantId);
    },
  },
  "POST /api/auth/[...nextauth]": {
    kind: "route",
    public: "next-auth's own endpoints",
    attempts: async (v): Promise<Attempt[]> => [
      { method: "POST", url: "/api/auth/callback/square", form: { code: await v.authorizationCode(), state: "forged" } },
      { method: "POST", url: "/api/auth/session", form: { merchantId: v.merchantId } },
    ],
    afterwards: async ({ attacker }) => {
      const session = await (await attacker.request.get("/api/auth/session")).json();
      expect(session.merchantId).toBe(attacker.merchantId);
    },
  },

  // Acts only on the signed-in seller by design; extra arguments are ignored. Runs last: it
  // disconnects the attacker, and the attacker is signed in again for anything after it.
  "action lib/actions/settings.ts#disconnectSquareAction": {
    kind: "action",
    calls: (v) => [[v.merchantId]],
    afterwards: async ({ attacker }) => {
      const settings = await attacker.request.get("/settings");
      expect(new URL(settings.url()).pathname, "the action ran, for the attacker").toBe("/login");
    },
  },
};
