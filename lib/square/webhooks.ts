import "server-only";
import { WebhooksHelper, type SquareClient } from "square";
import { callSquare } from "./errors";
import type { RawObject, WebhookEvent } from "./types";

export interface VerifyWebhookParams {
  /** The exact bytes Square sent, as text. */
  body: string;
  signature: string | null;
  /** The notification URL exactly as registered (proxies change scheme and host, so never the request's). */
  notificationUrl: string;
  /** Every key that may have signed it; the first that matches wins. */
  signatureKeys: string[];
}

/** True when `x-square-hmacsha256-signature` matches one of the keys (the SDK's WebhooksHelper). */
export async function verifyWebhookSignature(params: VerifyWebhookParams): Promise<boolean> {
  if (!params.signature) return false;
  for (const signatureKey of params.signatureKeys.filter(Boolean)) {
    const valid = await WebhooksHelper.verifySignature({
      requestBody: params.body,
      signatureHeader: params.signature,
      signatureKey,
      notificationUrl: params.notificationUrl,
    });
    if (valid) return true;
  }
  return false;
}

/** Square's notification envelope, or null when the body is not one. */
export function parseWebhookEvent(body: string): WebhookEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (!json || typeof json !== "object") return null;
  const e = json as Record<string, unknown>;
  const data = (e.data && typeof e.data === "object" ? e.data : {}) as Record<string, unknown>;
  if (typeof e.event_id !== "string" || typeof e.merchant_id !== "string" || typeof e.type !== "string") return null;
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    eventId: e.event_id,
    merchantId: e.merchant_id,
    type: e.type,
    createdAt: str(e.created_at),
    locationId: str(e.location_id),
    dataType: str(data.type),
    objectId: str(data.id),
    deleted: data.deleted === true,
    object: (data.object && typeof data.object === "object" ? data.object : {}) as RawObject,
  };
}

/** The event types Patron's mirror listens to (README: subscribe to these in sandbox/production). */
export const MIRROR_EVENT_TYPES = [
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "card.created",
  "card.updated",
  "card.disabled",
  "card.automatically_updated",
  "card.forgotten",
  "gift_card.created",
  "gift_card.updated",
  "gift_card.customer_linked",
  "gift_card.customer_unlinked",
  "gift_card.activity.created",
  "gift_card.activity.updated",
  "order.created",
  "order.updated",
  "order.fulfillment.updated",
  "payment.created",
  "payment.updated",
] as const;

export interface WebhookSubscriptionCheck {
  /** The subscription that now delivers to the URL. */
  subscriptionId: string;
  /** Set when this call created it: its signature key, which Patron must then store. */
  createdSignatureKey: string | null;
}

/**
 * Makes sure an enabled subscription delivers the mirror's events to `notificationUrl` (Webhook
 * Subscriptions API; Square expects the application's own token for it, the local Square takes any
 * of the application's tokens). Reuses one that exists, enabling or extending it if needed;
 * otherwise creates one, whose new signature key the caller must keep.
 */
export async function ensureWebhookSubscription(client: SquareClient, notificationUrl: string, availableTypes?: readonly string[]): Promise<WebhookSubscriptionCheck> {
  const wanted = await wantedEventTypes(client, availableTypes);
  const page = await callSquare(() => client.webhooks.subscriptions.list({ includeDisabled: true }));
  const existing = page.data.find((s) => s.notificationUrl === notificationUrl);
  if (existing?.id) {
    const missing = wanted.filter((t) => !existing.eventTypes?.includes(t));
    if (!existing.enabled || missing.length)
      await callSquare(() =>
        client.webhooks.subscriptions.update({
          subscriptionId: existing.id!,
          subscription: { enabled: true, eventTypes: [...new Set([...(existing.eventTypes ?? []), ...wanted])] },
        }),
      );
    return { subscriptionId: existing.id, createdSignatureKey: null };
  }
  const created = await callSquare(() =>
    client.webhooks.subscriptions.create({
      idempotencyKey: crypto.randomUUID(),
      subscription: { name: "Patron mirror", enabled: true, eventTypes: wanted, notificationUrl },
    }),
  );
  const subscription = created.subscription;
  if (!subscription?.id || !subscription.signatureKey) throw new Error("CreateWebhookSubscription returned no id or signature key.");
  return { subscriptionId: subscription.id, createdSignatureKey: subscription.signatureKey };
}

/** The mirror's event types that this Square offers (the local Square raises a subset). */
async function wantedEventTypes(client: SquareClient, availableTypes?: readonly string[]): Promise<string[]> {
  const offered = availableTypes ?? (await callSquare(() => client.webhooks.eventTypes.list())).eventTypes ?? [];
  return MIRROR_EVENT_TYPES.filter((t) => offered.includes(t));
}
