import "server-only";
import { appTokenCipher } from "@/lib/crypto/app-cipher";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { appSquareConfig } from "@/lib/square/config";
import type { SellerClientDeps } from "@/lib/square/seller-client";
import type { RateLimits } from "./rate-limit";

/** What a checkout runs on: passed in, so tests hand in their own database, local Square and limits. */
export interface CheckoutDeps extends SellerClientDeps {
  limits: RateLimits;
}

export async function appCheckoutDeps(): Promise<CheckoutDeps> {
  const env = getEnv();
  return {
    db: await getDb(),
    config: appSquareConfig(),
    cipher: appTokenCipher(),
    limits: {
      perIp: env.PATRON_CHECKOUT_RATE_LIMIT_PER_IP,
      perLink: env.PATRON_CHECKOUT_RATE_LIMIT_PER_LINK,
      windowSeconds: env.PATRON_CHECKOUT_RATE_LIMIT_WINDOW_SECONDS,
    },
  };
}
