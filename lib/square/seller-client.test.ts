import { SquareError } from "square";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { completeSignIn } from "@/lib/auth/sign-in";
import { getSeller, getSellerCredentials } from "@/lib/db/queries/sellers";
import { isAppError } from "@/lib/errors";
import { describeEachDatabase } from "@/test/databases";
import { authorizeSeller, testCipher, testSquareConfig } from "@/test/square";
import { clientForSeller } from "./seller-client";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const HOUR = 3600_000;

describeEachDatabase("a Square client per seller", ({ db }) => {
  const cipher = testCipher();
  const config = () => testSquareConfig(local, { refreshMarginMs: HOUR });

  async function signedIn() {
    const square = await local.newSeller();
    const grant = await authorizeSeller(local, config(), square.merchantId, ["MERCHANT_PROFILE_READ", "CUSTOMERS_READ"]);
    await completeSignIn({ db: db(), config: config(), cipher }, grant);
    return { merchantId: square.merchantId, grant };
  }

  it("acts as the seller with their stored token while it has long to live", async () => {
    const { merchantId, grant } = await signedIn();
    const client = await clientForSeller({ db: db(), config: config(), cipher }, merchantId);
    const { locations } = await client.locations.list();
    expect(locations?.[0]?.merchantId).toBe(merchantId);
    const creds = await getSellerCredentials(db(), { merchantId });
    expect(cipher.decrypt(creds!.accessToken)).toBe(grant.accessToken);
  });

  it("refreshes a token close to expiry first and stores the new one encrypted", async () => {
    const { merchantId, grant } = await signedIn();
    const nearExpiry = () => grant.expiresAt.getTime() - HOUR + 1;
    const deps = { db: db(), config: config(), cipher, now: nearExpiry };
    // Two requests at once share one refresh.
    const [a, b] = await Promise.all([clientForSeller(deps, merchantId), clientForSeller(deps, merchantId)]);
    const creds = await getSellerCredentials(db(), { merchantId });
    const fresh = cipher.decrypt(creds!.accessToken);
    expect(fresh).not.toBe(grant.accessToken);
    expect(cipher.decrypt(creds!.refreshToken)).toBe(grant.refreshToken);
    expect(creds!.accessTokenExpiresAt.getTime()).toBeGreaterThan(grant.expiresAt.getTime() - 1);
    const [la, lb] = await Promise.all([a.locations.list(), b.locations.list()]);
    expect(la.locations?.[0]?.merchantId).toBe(merchantId);
    expect(lb.locations?.[0]?.merchantId).toBe(merchantId);
  });

  it("keeps working after the old token has expired at Square", async () => {
    const { merchantId, grant } = await signedIn();
    // The local Square's clock moves past the token's expiry (it never moves back; later tests are relative to it).
    local.emulator.ctx.clock.advance(grant.expiresAt.getTime() - local.emulator.ctx.clock.nowMs() + 1_000);
    const expired = await local.clientFor(grant.accessToken).locations.list().catch((e: unknown) => e);
    expect((expired as SquareError).errors[0].code).toBe("ACCESS_TOKEN_EXPIRED");
    const client = await clientForSeller({ db: db(), config: config(), cipher, now: () => grant.expiresAt.getTime() + 1_000 }, merchantId);
    await expect(client.locations.list()).resolves.toBeTruthy();
  });

  it("disconnects a seller whose refresh token Square no longer accepts", async () => {
    const { merchantId, grant } = await signedIn();
    const { applicationId, applicationSecret } = config();
    await local.clientFor("unused").oAuth.revokeToken({ clientId: applicationId, merchantId }, { headers: { Authorization: `Client ${applicationSecret}` } });
    const failure = await clientForSeller({ db: db(), config: config(), cipher, now: () => grant.expiresAt.getTime() }, merchantId).catch((e: unknown) => e);
    expect(isAppError(failure, "SQUARE_AUTH")).toBe(true);
    expect(await getSeller(db(), { merchantId })).toBeUndefined();
  });

  it("refuses a seller who is not signed in", async () => {
    const failure = await clientForSeller({ db: db(), config: config(), cipher }, "NOBODY").catch((e: unknown) => e);
    expect(isAppError(failure, "UNAUTHENTICATED")).toBe(true);
  });
});
