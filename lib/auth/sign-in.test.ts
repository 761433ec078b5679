import { SquareError } from "square";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { listAudit } from "@/lib/db/queries/audit-log";
import { getSeller, getSellerCredentials } from "@/lib/db/queries/sellers";
import { describeEachDatabase } from "@/test/databases";
import { authorizeSeller, testCipher, testSquareConfig } from "@/test/square";
import { disconnectFromSquare } from "./disconnect";
import { REQUESTED_SCOPES } from "./scopes";
import { completeSignIn } from "./sign-in";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describeEachDatabase("sign in and disconnect", ({ db }) => {
  const cipher = testCipher();
  const deps = () => ({ db: db(), config: testSquareConfig(local), cipher });

  it("stores the seller's business, main location, granted scopes and encrypted tokens", async () => {
    const name = `Sign-in Bakery ${Math.random().toString(36).slice(2, 8)}`;
    const square = await local.newSeller({ business_name: name });
    const grant = await authorizeSeller(local, deps().config, square.merchantId, ["MERCHANT_PROFILE_READ", "CUSTOMERS_READ"]);
    const seller = await completeSignIn(deps(), grant);

    expect(seller).toMatchObject({ merchantId: square.merchantId, businessName: name, mainLocationId: square.locationId, currency: "USD" });
    expect([...seller.scopes].sort()).toEqual(["CUSTOMERS_READ", "MERCHANT_PROFILE_READ"]);
    const creds = await getSellerCredentials(db(), { merchantId: square.merchantId });
    expect(creds!.accessToken).not.toContain(grant.accessToken);
    expect(cipher.decrypt(creds!.accessToken)).toBe(grant.accessToken);
    expect(cipher.decrypt(creds!.refreshToken)).toBe(grant.refreshToken);
    expect(creds!.accessTokenExpiresAt.getTime()).toBe(grant.expiresAt.getTime());
    expect((await listAudit(db(), { merchantId: square.merchantId }))[0]).toMatchObject({ action: "seller.connected" });
  });

  it("takes the newly granted scopes when the seller re-authorizes", async () => {
    const square = await local.newSeller();
    await completeSignIn(deps(), await authorizeSeller(local, deps().config, square.merchantId, ["MERCHANT_PROFILE_READ"]));
    await completeSignIn(deps(), await authorizeSeller(local, deps().config, square.merchantId, [...REQUESTED_SCOPES]));
    const seller = await getSeller(db(), { merchantId: square.merchantId });
    expect([...seller!.scopes].sort()).toEqual([...REQUESTED_SCOPES].sort());
  });

  it("revokes the tokens at Square and forgets them on disconnect", async () => {
    const square = await local.newSeller();
    const grant = await authorizeSeller(local, deps().config, square.merchantId, ["MERCHANT_PROFILE_READ"]);
    await completeSignIn(deps(), grant);
    await disconnectFromSquare(deps(), square.merchantId);

    const refused = await local.clientFor(grant.accessToken).locations.list().catch((e: unknown) => e);
    expect((refused as SquareError).errors[0].code).toBe("ACCESS_TOKEN_REVOKED");
    expect(await getSeller(db(), { merchantId: square.merchantId })).toBeUndefined();
    expect(await getSellerCredentials(db(), { merchantId: square.merchantId })).toBeUndefined();
    expect((await listAudit(db(), { merchantId: square.merchantId }))[0]).toMatchObject({ action: "seller.disconnected" });
  });

  it("still disconnects when Square has already revoked the access", async () => {
    const square = await local.newSeller();
    const grant = await authorizeSeller(local, deps().config, square.merchantId, ["MERCHANT_PROFILE_READ"]);
    await completeSignIn(deps(), grant);
    const { applicationId, applicationSecret } = deps().config;
    await local.clientFor("unused").oAuth.revokeToken({ clientId: applicationId, merchantId: square.merchantId }, { headers: { Authorization: `Client ${applicationSecret}` } });
    await disconnectFromSquare(deps(), square.merchantId);
    expect(await getSeller(db(), { merchantId: square.merchantId })).toBeUndefined();
  });
});
