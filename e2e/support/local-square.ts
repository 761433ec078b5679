import { randomUUID } from "node:crypto";
import { E2E, callbackUrl } from "./servers";

/** A seller on the e2e run's local Square, created through its control API. */
export interface LocalSeller {
  merchantId: string;
  locationId: string;
  businessName: string;
  accessToken: string;
}

async function call<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(E2E.emulatorUrl + path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A new seller with a unique business name, as the consent page's Seller picker will show it. */
export async function createSeller(namePrefix = "E2E Shop"): Promise<LocalSeller> {
  const wanted = `${namePrefix} ${randomUUID().slice(0, 8)}`;
  const s = await call<Record<string, string>>("/_emulator/merchants", { body: { business_name: wanted } });
  const { merchant } = await call<{ merchant: { business_name: string } }>("/v2/merchants/me", { token: s.access_token });
  return { merchantId: s.merchant_id, locationId: s.location_id, businessName: merchant.business_name, accessToken: s.access_token };
}

export interface LocalCustomer {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
}

/** A ListCustomers cursor for this seller (they need at least two customers). */
export async function customersCursor(seller: LocalSeller): Promise<string> {
  const page = await call<{ cursor?: string }>("/v2/customers?limit=1", { token: seller.accessToken });
  if (!page.cursor) throw new Error("Expected a second page of customers.");
  return page.cursor;
}

/** Creates a customer through the local Square's Customers API, as a seller's point of sale would. */
export async function createCustomer(
  seller: Pick<LocalSeller, "accessToken">,
  givenName: string,
  familyName = "E2E",
  extra: { email?: string; phone?: string } = {},
): Promise<LocalCustomer> {
  const email = extra.email ?? `${givenName}.${familyName}.${randomUUID().slice(0, 6)}@example.com`.toLowerCase();
  const { customer } = await call<{ customer: { id: string } }>("/v2/customers", {
    token: seller.accessToken,
    body: { idempotency_key: randomUUID(), given_name: givenName, family_name: familyName, email_address: email, phone_number: extra.phone },
  });
  return { id: customer.id, givenName, familyName, email };
}

/** A fresh OAuth code for any local seller, by submitting the consent form directly. */
export async function authorizationCode(merchantId: string, scopes = ["MERCHANT_PROFILE_READ", "CUSTOMERS_READ", "CUSTOMERS_WRITE"]): Promise<string> {
  const form = new URLSearchParams({ client_id: E2E.applicationId, redirect_uri: callbackUrl, state: "e2e", merchant_id: merchantId, decision: "allow" });
  for (const s of scopes) form.append("scope", s);
  const res = await fetch(`${E2E.emulatorUrl}/oauth2/authorize`, { method: "POST", body: form, redirect: "manual" });
  const code = new URL(res.headers.get("location") ?? "http://x/").searchParams.get("code");
  if (!code) throw new Error(`No authorization code from the local Square (${res.status}).`);
  return code;
}

/** A token for any local seller (consent form, then the token endpoint). */
export async function tokenFor(merchantId: string): Promise<string> {
  const code = await authorizationCode(merchantId);
  const token = await call<{ access_token: string }>("/oauth2/token", {
    body: { client_id: E2E.applicationId, client_secret: E2E.applicationSecret, grant_type: "authorization_code", code, redirect_uri: callbackUrl },
  });
  return token.access_token;
}
