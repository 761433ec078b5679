import { SquareClient, SquareError } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../harness";

const REDIRECT = "http://localhost:3000/api/auth/callback/square";
let local: TestEmulator;
let app: SquareClient; // an SDK client with no seller token, as an app uses for obtainToken
beforeAll(async () => {
  local = await startTestEmulator();
  app = new SquareClient({ baseUrl: local.url, token: "unused", maxRetries: 0 });
});
afterAll(() => local.stop());

const config = () => local.emulator.ctx.config;

/** Drives the consent page the way a browser would: GET the page, POST the form. */
async function authorize(opts: { merchantId: string; scopes: string[]; decision?: "allow" | "deny"; state?: string }) {
  const query = new URLSearchParams({ client_id: config().applicationId, scope: opts.scopes.join(" "), state: opts.state ?? "xyz", redirect_uri: REDIRECT });
  const pageRes = await fetch(`${local.url}/oauth2/authorize?${query}`);
  expect(pageRes.status).toBe(200);
  const form = new URLSearchParams({ client_id: config().applicationId, redirect_uri: REDIRECT, state: opts.state ?? "xyz", merchant_id: opts.merchantId, decision: opts.decision ?? "allow" });
  for (const s of opts.scopes) form.append("scope", s);
  const res = await fetch(`${local.url}/oauth2/authorize`, { method: "POST", body: form, redirect: "manual" });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

describe("OAuth", () => {
  it("shows a consent page with a Seller picker and a checkbox per scope", async () => {
    const seller = await local.newSeller({ business_name: "Consent Page Café" });
    const query = new URLSearchParams({ client_id: config().applicationId, scope: "CUSTOMERS_READ PAYMENTS_READ" });
    const html = await (await fetch(`${local.url}/oauth2/authorize?${query}`)).text();
    expect(html).toContain('<label for="seller">Seller</label>');
    expect(html).toContain(seller.merchantId);
    expect(html).toContain('value="CUSTOMERS_READ" checked');
    expect(html).toContain('value="PAYMENTS_READ" checked');
  });

  it("exchanges a code for tokens through the SDK, once", async () => {
    const seller = await local.newSeller();
    const redirect = await authorize({ merchantId: seller.merchantId, scopes: ["CUSTOMERS_READ", "MERCHANT_PROFILE_READ"], state: "s1" });
    expect(redirect.origin + redirect.pathname).toBe(REDIRECT);
    expect(redirect.searchParams.get("state")).toBe("s1");
    const code = redirect.searchParams.get("code")!;
    const token = await app.oAuth.obtainToken({ clientId: config().applicationId, clientSecret: config().applicationSecret, code, redirectUri: REDIRECT, grantType: "authorization_code" });
    expect(token).toMatchObject({ tokenType: "bearer", merchantId: seller.merchantId });
    expect(token.accessToken).toMatch(/^EAAA/);
    expect(token.refreshToken).toMatch(/^EQAA/);

    const status = await local.clientFor(token.accessToken!).oAuth.retrieveTokenStatus();
    expect(status.scopes?.sort()).toEqual(["CUSTOMERS_READ", "MERCHANT_PROFILE_READ"]);
    expect(status.merchantId).toBe(seller.merchantId);

    const again = await app.oAuth.obtainToken({ clientId: config().applicationId, clientSecret: config().applicationSecret, code, redirectUri: REDIRECT, grantType: "authorization_code" }).catch((e) => e);
    expect((again as SquareError).statusCode).toBe(401);
  });

  it("grants only the scopes left ticked", async () => {
    const seller = await local.newSeller();
    const redirect = await authorize({ merchantId: seller.merchantId, scopes: ["MERCHANT_PROFILE_READ"] });
    const token = await app.oAuth.obtainToken({ clientId: config().applicationId, clientSecret: config().applicationSecret, code: redirect.searchParams.get("code")!, redirectUri: REDIRECT, grantType: "authorization_code" });
    const client = local.clientFor(token.accessToken!);
    await expect(client.locations.list()).resolves.toBeTruthy();
    const denied = await client.customers.list().catch((e) => e);
    expect((denied as SquareError).statusCode).toBe(403);
  });

  it("redirects with access_denied when the seller denies", async () => {
    const seller = await local.newSeller();
    const redirect = await authorize({ merchantId: seller.merchantId, scopes: ["CUSTOMERS_READ"], decision: "deny" });
    expect(redirect.searchParams.get("error")).toBe("access_denied");
    expect(redirect.searchParams.get("code")).toBeNull();
  });

  it("refuses codes older than five minutes", async () => {
    const seller = await local.newSeller();
    const redirect = await authorize({ merchantId: seller.merchantId, scopes: ["CUSTOMERS_READ"] });
    local.emulator.ctx.clock.advance(5 * 60 * 1000 + 1);
    const err = await app.oAuth.obtainToken({ clientId: config().applicationId, clientSecret: config().applicationSecret, code: redirect.searchParams.get("code")!, redirectUri: REDIRECT, grantType: "authorization_code" }).catch((e) => e);
    expect((err as SquareError).statusCode).toBe(401);
  });

  it("refreshes, expires and revokes tokens", async () => {
    const seller = await local.newSeller();
    const refreshed = await app.oAuth.obtainToken({ clientId: config().applicationId, clientSecret: config().applicationSecret, refreshToken: seller.refreshToken, grantType: "refresh_token" });
    expect(refreshed.refreshToken).toBe(seller.refreshToken);
    expect(refreshed.accessToken).not.toBe(seller.accessToken);

    local.emulator.ctx.clock.advance(31 * 24 * 3600 * 1000);
    const expired = await local.clientFor(refreshed.accessToken!).locations.list().catch((e) => e);
    expect((expired as SquareError).errors[0].code).toBe("ACCESS_TOKEN_EXPIRED");
    const renewed = await app.oAuth.obtainToken({ clientId: config().applicationId, clientSecret: config().applicationSecret, refreshToken: seller.refreshToken, grantType: "refresh_token" });

    const revoke = await app.oAuth.revokeToken({ clientId: config().applicationId, accessToken: renewed.accessToken }, { headers: { Authorization: `Client ${config().applicationSecret}` } });
    expect(revoke.success).toBe(true);
    const revoked = await local.clientFor(renewed.accessToken!).locations.list().catch((e) => e);
    expect((revoked as SquareError).errors[0].code).toBe("ACCESS_TOKEN_REVOKED");
    const noRefresh = await app.oAuth.obtainToken({ clientId: config().applicationId, clientSecret: config().applicationSecret, refreshToken: seller.refreshToken, grantType: "refresh_token" }).catch((e) => e);
    expect((noRefresh as SquareError).statusCode).toBe(401);
  });

  it("takes JSON only at the token endpoint", async () => {
    const res = await fetch(`${local.url}/oauth2/token`, { method: "POST", body: new URLSearchParams({ client_id: config().applicationId, grant_type: "authorization_code", code: "x" }) });
    expect(res.status).toBe(400);
  });
});
