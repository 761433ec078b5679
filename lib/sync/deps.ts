import type { Db } from "@/lib/db/client";
import type { SquareClient } from "@/lib/square/client";
import type { SyncSettings } from "./settings";

/** What the sync needs from the outside world; the app wires it in app-deps.ts, tests build their own. */
export interface SyncDeps {
  db: Db;
  /** A Square client acting as this seller (refreshing the token when due). */
  square(merchantId: string): Promise<SquareClient>;
  settings: SyncSettings;
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  /** The notification URL exactly as registered with Square (SQUARE_WEBHOOK_URL). */
  notificationUrl: string;
  /** The configured subscription's signature key (SQUARE_WEBHOOK_SIGNATURE_KEY). */
  signatureKey: string;
  /** Encrypts signature keys of subscriptions Patron creates itself (local mode). */
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Local mode: make sure the local Square delivers to notificationUrl. */
  ensureSubscription: boolean;
}
