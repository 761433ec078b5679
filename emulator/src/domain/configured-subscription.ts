import type { EmulatorContext } from "../context";
import { GLOBAL } from "../store/store";
import { API_VERSION, EVENT_TYPES } from "../webhooks/event-types";
import { tables } from "./tables";

export const CONFIGURED_SUBSCRIPTION_ID = "wbhk_configured";

/**
 * The subscription defined by SQUARE_WEBHOOK_URL / SQUARE_WEBHOOK_SIGNATURE_KEY exists from
 * start-up and after every reset, so the app receives events without registering anything.
 */
export function ensureConfiguredSubscription(ctx: EmulatorContext) {
  const { webhookUrl, webhookSignatureKey } = ctx.config;
  const subscriptions = tables(ctx.store).webhookSubscriptions;
  if (!webhookUrl) return;
  const existing = subscriptions.get(GLOBAL, CONFIGURED_SUBSCRIPTION_ID);
  const now = ctx.clock.iso();
  subscriptions.put(GLOBAL, CONFIGURED_SUBSCRIPTION_ID, {
    id: CONFIGURED_SUBSCRIPTION_ID,
    name: "Patron (configured)",
    enabled: true,
    eventTypes: [...EVENT_TYPES],
    notificationUrl: webhookUrl,
    apiVersion: API_VERSION,
    signatureKey: webhookSignatureKey,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
}
