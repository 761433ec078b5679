import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import { describeEachDatabase, testMerchantId } from "@/test/databases";
import { sellers } from "../schema";
import { disconnectSeller, getSeller, getSellerCredentials, updateSellerTokens, upsertSeller, type UpsertSellerParams } from "./sellers";

const cipher = createTokenCipher(randomBytes(32).toString("base64"));
const inAMonth = () => new Date(Date.now() + 30 * 24 * 3600 * 1000);

function newSeller(overrides: Partial<UpsertSellerParams> = {}): UpsertSellerParams {
  return {
    merchantId: testMerchantId(),
    businessName: "Test Café",
    mainLocationId: "LOC1",
    country: "US",
    currency: "USD",
    scopes: ["CUSTOMERS_READ", "MERCHANT_PROFILE_READ"],
    accessToken: cipher.encrypt("EAAA-access"),
    refreshToken: cipher.encrypt("EQAA-refresh"),
    accessTokenExpiresAt: inAMonth(),
    ...overrides,
  };
}

describeEachDatabase("seller queries", ({ db }) => {
  it("stores a signed-in seller with tokens encrypted at rest", async () => {
    const params = newSeller();
    const seller = await upsertSeller(db(), params);
    expect(seller).toMatchObject({ merchantId: params.merchantId, businessName: "Test Café", scopes: ["CUSTOMERS_READ", "MERCHANT_PROFILE_READ"] });
    expect(seller).not.toHaveProperty("accessTokenEncrypted");

    const [row] = await db().select().from(sellers).where(eq(sellers.merchantId, params.merchantId));
    expect(row.accessTokenEncrypted).not.toContain("EAAA-access");
    expect(row.refreshTokenEncrypted).not.toContain("EQAA-refresh");
    const creds = await getSellerCredentials(db(), { merchantId: params.merchantId });
    expect(cipher.decrypt(creds!.accessToken)).toBe("EAAA-access");
    expect(cipher.decrypt(creds!.refreshToken)).toBe("EQAA-refresh");
  });

  it("updates profile, tokens and scopes when the seller signs in again", async () => {
    const first = newSeller();
    await upsertSeller(db(), first);
    await upsertSeller(db(), { ...first, businessName: "Renamed Café", scopes: ["CUSTOMERS_READ"], accessToken: cipher.encrypt("EAAA-second") });
    const seller = await getSeller(db(), { merchantId: first.merchantId });
    expect(seller).toMatchObject({ businessName: "Renamed Café", scopes: ["CUSTOMERS_READ"] });
    const creds = await getSellerCredentials(db(), { merchantId: first.merchantId });
    expect(cipher.decrypt(creds!.accessToken)).toBe("EAAA-second");
  });

  it("stores refreshed tokens for that seller only", async () => {
    const a = newSeller();
    const b = newSeller();
    await upsertSeller(db(), a);
    await upsertSeller(db(), b);
    const expiry = inAMonth();
    expect(await updateSellerTokens(db(), { merchantId: a.merchantId, accessToken: cipher.encrypt("EAAA-new"), refreshToken: cipher.encrypt("EQAA-new"), accessTokenExpiresAt: expiry })).toBe(true);
    const credsA = await getSellerCredentials(db(), { merchantId: a.merchantId });
    const credsB = await getSellerCredentials(db(), { merchantId: b.merchantId });
    expect(cipher.decrypt(credsA!.accessToken)).toBe("EAAA-new");
    expect(credsA!.accessTokenExpiresAt.getTime()).toBe(expiry.getTime());
    expect(cipher.decrypt(credsB!.accessToken)).toBe("EAAA-access");
  });

  it("forgets the tokens of a disconnected seller and does not bring them back on refresh", async () => {
    const params = newSeller();
    await upsertSeller(db(), params);
    await disconnectSeller(db(), { merchantId: params.merchantId });
    expect(await getSeller(db(), { merchantId: params.merchantId })).toBeUndefined();
    expect(await getSellerCredentials(db(), { merchantId: params.merchantId })).toBeUndefined();
    const stored = await updateSellerTokens(db(), { merchantId: params.merchantId, accessToken: cipher.encrypt("late"), refreshToken: cipher.encrypt("late"), accessTokenExpiresAt: inAMonth() });
    expect(stored).toBe(false);
    expect(await getSellerCredentials(db(), { merchantId: params.merchantId })).toBeUndefined();
  });

  it("knows nothing of a seller who never signed in", async () => {
    expect(await getSeller(db(), { merchantId: testMerchantId() })).toBeUndefined();
  });
});
