import "server-only";
import type { AuthOptions } from "next-auth";
import { appTokenCipher } from "@/lib/crypto/app-cipher";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { appSquareConfig } from "@/lib/square/config";
import { SQUARE_UNAVAILABLE_REDIRECT, squareProvider, type SquareProfile } from "./square-provider";

let options: AuthOptions | undefined;

/**
 * next-auth settings, built on first use so configuration is read at run time, not at build time.
 * Sessions are JWTs holding only the merchant id; tokens live encrypted in the sellers table.
 */
export function getAuthOptions(): AuthOptions {
  if (options) return options;
  const env = getEnv();
  const config = appSquareConfig();
  options = {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt" },
    providers: [squareProvider(config, async () => ({ db: await getDb(), config, cipher: appTokenCipher() }))],
    pages: { signIn: "/login", error: "/login" },
    callbacks: {
      signIn({ profile }) {
        return (profile as SquareProfile | undefined)?.squareUnavailable ? SQUARE_UNAVAILABLE_REDIRECT : true;
      },
      jwt({ token, account }) {
        // Only the merchant id goes into the cookie; next-auth adds the timestamps.
        if (account) return { merchantId: account.providerAccountId };
        return token.merchantId ? { merchantId: token.merchantId } : {};
      },
      session({ session, token }) {
        return { expires: session.expires, merchantId: token.merchantId ?? "" };
      },
    },
  };
  return options;
}
