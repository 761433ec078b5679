import "server-only";
import { createSquareClient } from "./client";
import type { SquareConfig } from "./config";
import { callSquare } from "./errors";
import type { OAuthGrant, TokenStatus } from "./types";

/** Where the seller's browser goes to approve Patron: the same host as the API. */
export const authorizeUrl = (config: SquareConfig) => `${config.baseUrl}/oauth2/authorize`;

/** Exchanges the code from the redirect for tokens (ObtainToken, authorization_code grant, JSON body). */
export async function exchangeCode(config: SquareConfig, params: { code: string; redirectUri: string }): Promise<OAuthGrant> {
  const res = await callSquare(() =>
    createSquareClient(config).oAuth.obtainToken({
      clientId: config.applicationId,
      clientSecret: config.applicationSecret,
      grantType: "authorization_code",
      code: params.code,
      redirectUri: params.redirectUri,
    }),
  );
  return toGrant(res);
}

/** A new access token from the seller's refresh token (ObtainToken, refresh_token grant). */
export async function refreshAccessToken(config: SquareConfig, refreshToken: string): Promise<OAuthGrant> {
  const res = await callSquare(() =>
    createSquareClient(config).oAuth.obtainToken({
      clientId: config.applicationId,
      clientSecret: config.applicationSecret,
      grantType: "refresh_token",
      refreshToken,
    }),
  );
  return toGrant({ ...res, refreshToken: res.refreshToken ?? refreshToken });
}

/** Which scopes this token carries (RetrieveTokenStatus). */
export async function retrieveTokenStatus(config: SquareConfig, accessToken: string): Promise<TokenStatus> {
  const res = await callSquare(() => createSquareClient(config, accessToken).oAuth.retrieveTokenStatus());
  return {
    merchantId: res.merchantId ?? "",
    scopes: res.scopes ?? [],
    expiresAt: res.expiresAt ? new Date(res.expiresAt) : null,
  };
}

/** Revokes every token Patron holds for the seller (RevokeToken authenticates with the app secret). */
export async function revokeAccess(config: SquareConfig, accessToken: string): Promise<void> {
  await callSquare(() =>
    createSquareClient(config).oAuth.revokeToken(
      { clientId: config.applicationId, accessToken },
      { headers: { Authorization: `Client ${config.applicationSecret}` } },
    ),
  );
}

function toGrant(res: { merchantId?: string; accessToken?: string; refreshToken?: string; expiresAt?: string }): OAuthGrant {
  if (!res.merchantId || !res.accessToken || !res.refreshToken || !res.expiresAt)
    throw new Error("Square's token response lacks merchant_id, access_token, refresh_token or expires_at.");
  return { merchantId: res.merchantId, accessToken: res.accessToken, refreshToken: res.refreshToken, expiresAt: new Date(res.expiresAt) };
}
