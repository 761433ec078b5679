import { SquareError } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describe("Locations and Merchants", () => {
  it("lists the seller's locations and resolves `main`", async () => {
    const seller = await local.newSeller({ business_name: "Locations Test" });
    const { locations } = await seller.client.locations.list();
    expect(locations).toHaveLength(1);
    expect(locations![0]).toMatchObject({ id: seller.locationId, merchantId: seller.merchantId, status: "ACTIVE" });
    const { location } = await seller.client.locations.get({ locationId: "main" });
    expect(location?.id).toBe(seller.locationId);
  });

  it("retrieves the merchant as `me` and hides other sellers", async () => {
    const a = await local.newSeller();
    const b = await local.newSeller();
    const { merchant } = await a.client.merchants.get({ merchantId: "me" });
    expect(merchant).toMatchObject({ id: a.merchantId, mainLocationId: a.locationId, currency: "USD" });
    const err = await a.client.merchants.get({ merchantId: b.merchantId }).catch((e) => e);
    expect(err).toBeInstanceOf(SquareError);
    expect((err as SquareError).statusCode).toBe(404);
    const other = await a.client.locations.get({ locationId: b.locationId }).catch((e) => e);
    expect((other as SquareError).errors[0]).toMatchObject({ code: "NOT_FOUND", category: "INVALID_REQUEST_ERROR" });
  });

  it("refuses calls without a valid token or scope", async () => {
    const bad = await local.clientFor("nope").locations.list().catch((e) => e);
    expect((bad as SquareError).statusCode).toBe(401);
    expect((bad as SquareError).errors[0].code).toBe("UNAUTHORIZED");
    const limited = await local.newSeller({ scopes: ["CUSTOMERS_READ"] });
    const denied = await limited.client.locations.list().catch((e) => e);
    expect((denied as SquareError).statusCode).toBe(403);
    expect((denied as SquareError).errors[0]).toMatchObject({ code: "INSUFFICIENT_SCOPES" });
    expect((denied as SquareError).errors[0].detail).toContain("[MERCHANT_PROFILE_READ]");
  });

  it("counts the calls a seller makes", async () => {
    const seller = await local.newSeller();
    await seller.client.locations.list();
    await seller.client.locations.list();
    const stats = await (await local.admin("/_emulator/stats", undefined, seller.accessToken)).json();
    expect(stats).toEqual({ total: 2, calls: { "GET /v2/locations": 2 } });
  });
});
