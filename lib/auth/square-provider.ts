import "server-only";
import type { Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { SquareConfig } from "@/lib/square/config";
import { isAppError } from "@/lib/errors";
import { authorizeUrl, exchangeCode } from "@/lib/square/oauth";
import { REQUESTED_SCOPES } from "./scopes";
import { completeSignIn, type SignInDeps } from "./sign-in";

/** The seller as next-auth sees them: the merchant id is the account id. */
export interface SquareProfile extends Profile {
  sub: string;
  name: string;
  /** Square was busy, unreachable or too slow while Patron learned who the seller is: nothing was stored. */
  squareUnavailable?: boolean;
}

/** Where the sign-in goes when Square failed midway (the login page explains and offers a retry). */
export const SQUARE_UNAVAILABLE_REDIRECT = "/login?error=SquareUnavailable";

const TRANSIENT = ["SQUARE_UNAVAILABLE", "SQUARE_TIMEOUT", "RATE_LIMITED"] as const;

/**
 * "Sign in with Square" as a next-auth OAuth provider. Square's token endpoint takes JSON only, so the
 * exchange goes through the SDK's ObtainToken instead of next-auth's form-encoded default; the same
 * code serves the local Square, the sandbox and production, which differ only in base URL.
 */
export function squareProvider(config: SquareConfig, deps: () => Promise<SignInDeps>): OAuthConfig<SquareProfile> {
  return {
    id: "square",
    name: "Square",
    type: "oauth",
    clientId: config.applicationId,
    clientSecret: config.applicationSecret,
    checks: ["state"],
    authorization: { url: authorizeUrl(config), params: { scope: REQUESTED_SCOPES.join(" ") } },
    token: {
      url: `${config.baseUrl}/oauth2/token`,
      async request({ params, provider }) {
        if (!params.code) throw new Error("Square's redirect carried no authorization code.");
        const grant = await exchangeCode(config, { code: params.code, redirectUri: provider.callbackUrl });
        return {
          tokens: {
            access_token: grant.accessToken,
            refresh_token: grant.refreshToken,
            expires_at: Math.floor(grant.expiresAt.getTime() / 1000),
            token_type: "bearer",
            merchant_id: grant.merchantId,
          },
        };
      },
    },
    userinfo: {
      url: `${config.baseUrl}/v2/merchants/me`,
      async request({ tokens }) {
        const merchantId = tokens.merchant_id;
        if (!tokens.access_token || !tokens.refresh_token || !tokens.expires_at || typeof merchantId !== "string")
          throw new Error("Incomplete tokens from Square.");
        try {
          const seller = await completeSignIn(await deps(), {
            merchantId,
            accessToken: tokens.access_token,
            refreshToken: tokens.refresh_token,
            expiresAt: new Date(tokens.expires_at * 1000),
          });
          return { sub: seller.merchantId, name: seller.businessName };
        } catch (err) {
          // next-auth would report any failure here as "OAuthCallback", which reads as a refusal;
          // the signIn callback turns this marker into a message that says to try again.
          if (TRANSIENT.some((code) => isAppError(err, code))) return { sub: merchantId, name: "", squareUnavailable: true };
          throw err;
        }
      },
    },
    profile: (profile) => ({ id: profile.sub, name: profile.name }),
  };
}
