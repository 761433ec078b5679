import { SquareError } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SELLER } from "../../src/domain/demo";
import { startTestEmulator, type TestEmulator } from "../harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator({ webhookUrl: "https://patron.example/api/webhooks/square" });
});
afterAll(() => local.stop());

const consoleHtml = async (query = "") => (await fetch(`${local.url}/_emulator${query}`)).text();
const form = (path: string, fields: Record<string, string>) =>
  fetch(local.url + path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });

describe("Admin JSON routes", () => {
  it("reports health", async () => {
    const res = await fetch(`${local.url}/_emulator/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("creates isolated sellers whose token carries the requested scopes", async () => {
    const res = await local.admin("/_emulator/merchants", { business_name: "Admin Test", country: "GB", scopes: ["MERCHANT_PROFILE_READ"] });
    expect(res.status).toBe(200);
    const seller = await res.json();
    expect(Object.keys(seller).sort()).toEqual(["access_token", "application_id", "location_id", "merchant_id", "refresh_token"]);
    const client = local.clientFor(seller.access_token);
    const { merchant } = await client.merchants.get({ merchantId: "me" });
    expect(merchant).toMatchObject({ id: seller.merchant_id, businessName: "Admin Test", country: "GB", currency: "GBP" });
    const denied = await client.customers.list().catch((e: SquareError) => e);
    expect((denied as SquareError).statusCode).toBe(403);
  });

  it("refuses bad seller requests with the field named", async () => {
    const bad = await local.admin("/_emulator/merchants", { country: "USA" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0]).toMatchObject({ code: "INVALID_VALUE", field: "country" });
    const unknownScope = await local.admin("/_emulator/merchants", { scopes: ["EVERYTHING"] });
    expect((await unknownScope.json()).errors[0].field).toBe("scopes.0");
  });

  it("counts each seller's calls until that seller resets them", async () => {
    const a = await local.newSeller();
    const b = await local.newSeller();
    await a.client.customers.create({ givenName: "Counted" });
    await a.client.customers.search({});
    await a.client.customers.search({});
    await b.client.locations.list();
    const stats = await (await local.admin("/_emulator/stats", undefined, a.accessToken)).json();
    expect(stats).toEqual({ total: 3, calls: { "POST /v2/customers": 1, "POST /v2/customers/search": 2 } });
    expect(await (await local.admin("/_emulator/stats/reset", {}, a.accessToken)).status).toBe(204);
    expect(await (await local.admin("/_emulator/stats", undefined, a.accessToken)).json()).toEqual({ total: 0, calls: {} });
    expect((await (await local.admin("/_emulator/stats", undefined, b.accessToken)).json()).total).toBe(1);
    expect((await local.admin("/_emulator/stats")).status).toBe(401);
  });
});

describe("Admin console", () => {
  it("lists sellers with their data counts and labels every control", async () => {
    const seller = await local.newSeller({ business_name: "Console <Café>" });
    await seller.client.customers.create({ givenName: "One" });
    await seller.client.customers.create({ givenName: "Two" });
    const html = await consoleHtml();
    expect(html).toContain("Console &lt;Café&gt;"); // escaped, not markup
    const row = html.slice(html.indexOf(seller.merchantId), html.indexOf("</tr>", html.indexOf(seller.merchantId)));
    expect(row.replace(/\s+/g, " ")).toContain("<td>2</td><td>0</td><td>0</td> <td>0</td><td>0</td>");
    for (const header of ["Customers", "Cards", "Gift cards", "Orders", "Payments"]) expect(html).toContain(`<th scope="col">${header}</th>`);
    expect(html).toContain('<label for="business_name">Business name</label>');
    expect(html).toContain('<label for="country">Country (two letters)</label>');
    expect(html).toMatch(/<label><input type="checkbox" name="demo" value="true" checked \/> Restore the demo seller<\/label>/);
    expect(html).toContain('<button class="primary" type="submit">Create seller</button>');
    expect(html).toContain('<button type="submit">Reset all data</button>');
    expect(html).toContain("https://patron.example/api/webhooks/square");
  });

  it("creates a seller from the form and shows its token", async () => {
    const res = await form("/_emulator/merchants", { business_name: "Form Seller", country: "ca" });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/_emulator\?created=[A-Z0-9]{13}$/);
    const html = await consoleHtml(location.slice("/_emulator".length));
    const token = /Access token: <code>(EAAA[A-Za-z0-9]+)<\/code>/.exec(html)?.[1];
    expect(token).toBeTruthy();
    const { merchant } = await local.clientFor(token!).merchants.get({ merchantId: "me" });
    expect(merchant).toMatchObject({ businessName: "Form Seller", country: "CA" });
    const bad = await form("/_emulator/merchants", { country: "Canada" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("role=\"alert\"");
  });
});

describe("Reset", () => {
  let fresh: TestEmulator;
  beforeAll(async () => {
    fresh = await startTestEmulator({ webhookUrl: "https://patron.example/hooks", webhookSignatureKey: "k" });
  });
  afterAll(() => fresh.stop());

  it("wipes data, then restores the configured subscription and the demo seller", async () => {
    const seller = await fresh.newSeller();
    await seller.client.customers.create({ givenName: "Doomed" });
    expect((await fresh.admin("/_emulator/reset", {})).status).toBe(204);
    const gone = await seller.client.customers.list().catch((e: SquareError) => e);
    expect((gone as SquareError).statusCode).toBe(401);
    const html = await (await fetch(`${fresh.url}/_emulator`)).text();
    expect(html).toContain(DEMO_SELLER.merchantId);
    const after = await fresh.newSeller();
    const { data } = await after.client.webhooks.subscriptions.list();
    expect(data.map((s) => s.notificationUrl)).toEqual(["https://patron.example/hooks"]);
    expect((await after.client.customers.list()).data).toEqual([]);
  });

  it("leaves the demo seller out with {demo: false}, and from the console's form", async () => {
    await fresh.admin("/_emulator/reset", { demo: false });
    expect(await (await fetch(`${fresh.url}/_emulator`)).text()).not.toContain(DEMO_SELLER.merchantId);
    const res = await fetch(`${fresh.url}/_emulator/reset`, { method: "POST", body: new URLSearchParams({ demo: "true" }), redirect: "manual" });
    expect(res.status).toBe(303);
    expect(await (await fetch(`${fresh.url}/_emulator`)).text()).toContain(DEMO_SELLER.merchantId);
    await fetch(`${fresh.url}/_emulator/reset`, { method: "POST", body: new URLSearchParams({}), redirect: "manual" });
    expect(await (await fetch(`${fresh.url}/_emulator`)).text()).toContain("No sellers yet.");
  });
});
