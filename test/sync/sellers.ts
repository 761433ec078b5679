import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { upsertSeller } from "@/lib/db/queries/sellers";
import { createTokenCipher, type TokenCipher } from "@/lib/crypto/token-cipher";

export const syncTestCipher: TokenCipher = createTokenCipher(randomBytes(32).toString("base64"));

/** A signed-in seller row (mirror tables reference it), with the tokens given or placeholders. */
export async function insertSeller(db: Db, opts: { merchantId?: string; accessToken?: string; refreshToken?: string; mainLocationId?: string | null; scopes?: string[] } = {}): Promise<string> {
  const merchantId = opts.merchantId ?? randomUUID().replace(/-/g, "").slice(0, 13).toUpperCase();
  await upsertSeller(db, {
    merchantId,
    businessName: `Seller ${merchantId}`,
    mainLocationId: opts.mainLocationId ?? null,
    country: "US",
    currency: "USD",
    scopes: opts.scopes ?? [],
    accessToken: syncTestCipher.encrypt(opts.accessToken ?? "access"),
    refreshToken: syncTestCipher.encrypt(opts.refreshToken ?? "refresh"),
    accessTokenExpiresAt: new Date(Date.now() + 30 * 86_400_000),
  });
  return merchantId;
}
