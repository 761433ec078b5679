import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobs, webhookEvents, webhookSignatureKeys } from "@/lib/db/schema";
import { parseWebhookEvent, verifyWebhookSignature } from "@/lib/square/webhooks";
import type { WebhookSettings } from "../deps";
import { SYNC_JOBS } from "../jobs/schedule";

export interface ReceiveDeps {
  db: Db;
  webhooks: WebhookSettings;
  /** Wakes the job runner so the event is processed at once rather than on its next tick. */
  onQueued?(): void;
}

/**
 * `POST /api/webhooks/square`. Square must not wait on Patron (it gives up after 10 s and retries),
 * so this only verifies, stores and queues: the signature is checked over the registered URL and
 * the exact body with the SDK's WebhooksHelper (401, nothing stored, if it fails); the event is
 * inserted under its unique event_id (a redelivery, even one arriving at the same moment, inserts
 * nothing and queues nothing); processing happens in the job runner.
 */
export async function receiveSquareWebhook(deps: ReceiveDeps, request: Request): Promise<Response> {
  const body = await request.text();
  const signature = request.headers.get("x-square-hmacsha256-signature");
  const valid = await verifyWebhookSignature({ body, signature, notificationUrl: deps.webhooks.notificationUrl, signatureKeys: await signatureKeys(deps) });
  if (!valid) return Response.json({ error: "Invalid or missing x-square-hmacsha256-signature." }, { status: 401 });
  const event = parseWebhookEvent(body);
  if (!event) return Response.json({ error: "Not a Square event notification." }, { status: 400 });

  const queued = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(webhookEvents)
      .values({ eventId: event.eventId, merchantId: event.merchantId, type: event.type, payload: JSON.parse(body) as Record<string, unknown> })
      .onConflictDoNothing({ target: webhookEvents.eventId })
      .returning({ eventId: webhookEvents.eventId });
    if (!inserted.length) return false;
    await tx
      .insert(jobs)
      .values({ kind: SYNC_JOBS.webhook, merchantId: event.merchantId, payload: { eventId: event.eventId }, uniqueKey: `webhook:${event.eventId}`, runAt: sql`now()` })
      .onConflictDoNothing({ target: jobs.uniqueKey });
    return true;
  });
  if (queued) deps.onQueued?.();
  return Response.json({ received: true, duplicate: !queued });
}

/** The configured key, then keys of subscriptions Patron created itself for this URL. */
async function signatureKeys(deps: ReceiveDeps): Promise<string[]> {
  const stored = await deps.db.select().from(webhookSignatureKeys).where(eq(webhookSignatureKeys.notificationUrl, deps.webhooks.notificationUrl));
  return [deps.webhooks.signatureKey, ...stored.map((k) => deps.webhooks.decrypt(k.signatureKeyEncrypted))];
}
