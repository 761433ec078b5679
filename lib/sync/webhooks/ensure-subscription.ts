import "server-only";
import { webhookSignatureKeys } from "@/lib/db/schema";
import type { SquareClient } from "@/lib/square/client";
import { ensureWebhookSubscription } from "@/lib/square/webhooks";
import type { SyncDeps } from "../deps";

/**
 * Local mode: the local Square creates the configured subscription from SQUARE_WEBHOOK_URL and its
 * key at start-up; this checks through the Webhook Subscriptions API that one really delivers the
 * mirror's events to Patron's URL, and creates one if not, keeping its new signature key (encrypted)
 * for the receiver. Sandbox and production subscriptions are set up by hand (README).
 */
export async function ensureAppSubscription(deps: Pick<SyncDeps, "db" | "webhooks">, client: SquareClient): Promise<string> {
  const check = await ensureWebhookSubscription(client, deps.webhooks.notificationUrl);
  if (check.createdSignatureKey)
    await deps.db
      .insert(webhookSignatureKeys)
      .values({ subscriptionId: check.subscriptionId, notificationUrl: deps.webhooks.notificationUrl, signatureKeyEncrypted: deps.webhooks.encrypt(check.createdSignatureKey) })
      .onConflictDoNothing();
  return check.subscriptionId;
}
