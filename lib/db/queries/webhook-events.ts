import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "../open";
import { webhookEvents } from "../schema";

export interface RecordWebhookEventParams {
  merchantId: string;
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** Stores a delivery; returns false when this event_id was seen before (Square redelivers). */
export async function recordWebhookEvent(db: Db, params: RecordWebhookEventParams): Promise<boolean> {
  const inserted = await db
    .insert(webhookEvents)
    .values({ eventId: params.eventId, merchantId: params.merchantId, type: params.type, payload: params.payload })
    .onConflictDoNothing({ target: webhookEvents.eventId })
    .returning({ eventId: webhookEvents.eventId });
  return inserted.length > 0;
}

export interface MarkWebhookEventParams {
  merchantId: string;
  eventId: string;
  error?: string;
}

/** Marks an event handled (or records why handling failed, leaving it unprocessed for a retry). */
export async function markWebhookEventProcessed(db: Db, { merchantId, eventId, error }: MarkWebhookEventParams): Promise<void> {
  await db
    .update(webhookEvents)
    .set(error ? { processingError: error } : { processedAt: new Date(), processingError: null })
    .where(and(eq(webhookEvents.merchantId, merchantId), eq(webhookEvents.eventId, eventId)));
}

export interface GetWebhookEventParams {
  merchantId: string;
  eventId: string;
}

export async function getWebhookEvent(db: Db, { merchantId, eventId }: GetWebhookEventParams) {
  const [row] = await db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.merchantId, merchantId), eq(webhookEvents.eventId, eventId)));
  return row;
}
