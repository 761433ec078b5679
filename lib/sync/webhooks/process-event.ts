import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getSeller } from "@/lib/db/queries/sellers";
import { markWebhookEventProcessed } from "@/lib/db/queries/webhook-events";
import { mirrorCustomers, webhookEvents } from "@/lib/db/schema";
import { parseWebhookEvent } from "@/lib/square/webhooks";
import { applyToMirror } from "../apply";
import type { SyncDeps } from "../deps";
import { resolveCustomersAtSquare } from "../discover-customers";
import { describeError } from "../errors";
import { noteEventApplied } from "../sync-state";
import { changesForEvent } from "./event-changes";

/**
 * Applies one stored webhook event to the mirror (run by the job runner, never by the receiver).
 * Safe to run twice and in any order: upserts never regress. Customers an event names that the
 * mirror has never seen are looked up at once, so a late-assigned instant profile shows by name.
 */
export async function processWebhookEvent(deps: SyncDeps, eventId: string): Promise<void> {
  const [row] = await deps.db.select().from(webhookEvents).where(eq(webhookEvents.eventId, eventId));
  if (!row || row.processedAt) return;
  const event = parseWebhookEvent(JSON.stringify(row.payload));
  const seller = event && (await getSeller(deps.db, { merchantId: event.merchantId }));
  if (!event || !seller) {
    // Not for a seller Patron syncs (or not readable): nothing to do, ever.
    await markWebhookEventProcessed(deps.db, { merchantId: row.merchantId, eventId });
    return;
  }
  try {
    const client = await deps.square(event.merchantId);
    const fetchedAt = new Date();
    const changes = await changesForEvent(client, event);
    if (changes) {
      await applyToMirror(deps.db, event.merchantId, { fetchedAt, ...changes });
      const named = [...new Set([...(changes.payments ?? []).map((p) => p.customerId), ...(changes.orders ?? []).map((o) => o.customerId), ...(changes.cards ?? []).map((c) => c.customerId)])].filter(
        (id): id is string => !!id,
      );
      const unknown = await unknownCustomers(deps, event.merchantId, named);
      if (unknown.length) await resolveCustomersAtSquare(deps.db, client, event.merchantId, unknown, { parallelism: 1 });
    }
    await noteEventApplied(deps.db, event.merchantId);
    await markWebhookEventProcessed(deps.db, { merchantId: row.merchantId, eventId });
  } catch (err) {
    await markWebhookEventProcessed(deps.db, { merchantId: row.merchantId, eventId, error: describeError(err) });
    throw err;
  }
}

async function unknownCustomers(deps: SyncDeps, merchantId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const known = await deps.db
    .select({ id: mirrorCustomers.id })
    .from(mirrorCustomers)
    .where(and(eq(mirrorCustomers.merchantId, merchantId), inArray(mirrorCustomers.id, ids)));
  const seen = new Set(known.map((k) => k.id));
  return ids.filter((id) => !seen.has(id));
}
