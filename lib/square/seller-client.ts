import "server-only";
import type { SquareClient } from "square";
import type { TokenCipher } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/client";
import { disconnectSeller, getSellerCredentials, updateSellerTokens } from "@/lib/db/queries/sellers";
import { AppError, isAppError } from "@/lib/errors";
import { createSquareClient } from "./client";
import type { SquareConfig } from "./config";
import { refreshAccessToken } from "./oauth";

export interface SellerClientDeps {
  db: Db;
  config: SquareConfig;
  cipher: TokenCipher;
  now?: () => number;
}

// One refresh at a time per seller in this process; concurrent requests share its result.
const refreshing = new Map<string, Promise<string>>();

/**
 * A Square client acting as this seller, with a token that is good for a while: when the stored
 * token is close to expiry it is refreshed first (refresh_token grant) and stored back encrypted.
 * A seller whose access Square has revoked is disconnected, so the next page sends them to sign in.
 */
export async function clientForSeller(deps: SellerClientDeps, merchantId: string): Promise<SquareClient> {
  const creds = await getSellerCredentials(deps.db, { merchantId });
  if (!creds) throw new AppError("UNAUTHENTICATED");
  const now = deps.now?.() ?? Date.now();
  let accessToken = deps.cipher.decrypt(creds.accessToken);
  if (creds.accessTokenExpiresAt.getTime() - now <= deps.config.refreshMarginMs) {
    const key = merchantId;
    let pending = refreshing.get(key);
    if (!pending) {
      pending = refresh(deps, merchantId, deps.cipher.decrypt(creds.refreshToken)).finally(() => refreshing.delete(key));
      refreshing.set(key, pending);
    }
    accessToken = await pending;
  }
  return createSquareClient(deps.config, accessToken);
}

async function refresh(deps: SellerClientDeps, merchantId: string, refreshToken: string): Promise<string> {
  try {
    const grant = await refreshAccessToken(deps.config, refreshToken);
    await updateSellerTokens(deps.db, {
      merchantId,
      accessToken: deps.cipher.encrypt(grant.accessToken),
      refreshToken: deps.cipher.encrypt(grant.refreshToken),
      accessTokenExpiresAt: grant.expiresAt,
    });
    return grant.accessToken;
  } catch (err) {
    if (isAppError(err, "SQUARE_AUTH")) await disconnectSeller(deps.db, { merchantId });
    throw err;
  }
}
