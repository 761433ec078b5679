import "server-only";
import { appTokenCipher } from "@/lib/crypto/app-cipher";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { appSquareConfig } from "@/lib/square/config";
import { clientForSeller } from "@/lib/square/seller-client";
import type { SyncDeps } from "./deps";
import { syncSettings } from "./settings";

/** The sync's dependencies in the app: its database, sellers' own tokens, lib/env's settings. */
export async function appSyncDeps(): Promise<SyncDeps> {
  const env = getEnv();
  const db = await getDb();
  const cipher = appTokenCipher();
  // Sync calls are reads, safe to retry: more retries than interactive calls, Retry-After honoured.
  const config = { ...appSquareConfig(), maxRetries: env.PATRON_SYNC_MAX_RETRIES };
  return {
    db,
    square: (merchantId) => clientForSeller({ db, config, cipher }, merchantId),
    settings: syncSettings(env),
    webhooks: {
      notificationUrl: env.SQUARE_WEBHOOK_URL,
      signatureKey: env.SQUARE_WEBHOOK_SIGNATURE_KEY,
      encrypt: (plain) => cipher.encrypt(plain),
      decrypt: (stored) => cipher.decrypt(stored),
      ensureSubscription: env.SQUARE_ENVIRONMENT === "local",
    },
  };
}
