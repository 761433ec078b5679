import "server-only";
import type { TokenCipher } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit-log";
import { upsertSeller, type Seller } from "@/lib/db/queries/sellers";
import { startSellerSync } from "@/lib/sync/jobs/start-seller-sync";
import { createSquareClient } from "@/lib/square/client";
import type { SquareConfig } from "@/lib/square/config";
import { getMerchantProfile } from "@/lib/square/merchants";
import { retrieveTokenStatus } from "@/lib/square/oauth";
import type { OAuthGrant } from "@/lib/square/types";

export interface SignInDeps {
  db: Db;
  config: SquareConfig;
  cipher: TokenCipher;
}

/**
 * What happens once Square hands back tokens: learn who the seller is (RetrieveMerchant +
 * ListLocations) and which scopes they granted (RetrieveTokenStatus), then store them with the
 * tokens encrypted. Signing in again refreshes all of it.
 */
export async function completeSignIn(deps: SignInDeps, grant: OAuthGrant): Promise<Seller> {
  const client = createSquareClient(deps.config, grant.accessToken);
  const [profile, status] = await Promise.all([getMerchantProfile(client), retrieveTokenStatus(deps.config, grant.accessToken)]);
  if (profile.merchantId !== grant.merchantId || (status.merchantId && status.merchantId !== grant.merchantId))
    throw new Error("Square returned tokens for a different merchant than the profile it describes.");
  const seller = await upsertSeller(deps.db, {
    merchantId: profile.merchantId,
    businessName: profile.businessName,
    mainLocationId: profile.mainLocationId,
    country: profile.country,
    currency: profile.currency,
    scopes: status.scopes,
    accessToken: deps.cipher.encrypt(grant.accessToken),
    refreshToken: deps.cipher.encrypt(grant.refreshToken),
    accessTokenExpiresAt: grant.expiresAt,
  });
  await recordAudit(deps.db, { merchantId: seller.merchantId, actor: "seller", action: "seller.connected", objectIds: [seller.merchantId], details: { scopes: status.scopes } });
  // The mirror: a backfill on the first sign-in, and reconciliation from now on (lib/sync).
  await startSellerSync(deps.db, seller.merchantId);
  return seller;
}
