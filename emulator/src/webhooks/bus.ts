import type { Square } from "square";
import type { EmulatorContext, EventBus, RaisedEvent } from "../context";
import { tables, type PendingDeliveryRow } from "../domain/tables";
import { ids } from "../ids";
import { eventReadScope } from "../scopes";
import { GLOBAL } from "../store/store";
import { decide, ReorderWindows, type WebhookChaosLookup } from "./chaos";
import { signWebhook } from "./sign";

export interface DeliveryLogEntry {
  eventId: string;
  type: string;
  merchantId: string;
  subscriptionId: string;
  attempt: number;
  status: number | "error";
  at: string;
}

/**
 * Signed, at-least-once webhook delivery. `emit` only queues: the API call that caused the event
 * never waits on the receiver. Each subscription of the local application gets the events of every
 * seller whose grant includes the event's read scope. Failed attempts retry on the configured
 * schedule with `square-retry-number`, and pending deliveries are stored so they survive a restart.
 */
export class WebhookBus implements EventBus {
  readonly log: DeliveryLogEntry[] = [];
  private ctx!: EmulatorContext;
  private closed = false;
  /** Per-seller webhook chaos (POST /_emulator/faults): drops, duplicates, delays, shuffled windows. */
  private chaosFor?: WebhookChaosLookup;
  private windows?: ReorderWindows;

  attach(ctx: EmulatorContext) {
    this.ctx = ctx;
    for (const pending of tables(ctx.store).pendingDeliveries.values(GLOBAL)) this.schedule(pending);
  }

  useChaos(lookup: WebhookChaosLookup) {
    this.chaosFor = lookup;
    this.windows = new ReorderWindows(
      (rowIds) => this.deliverInOrder(rowIds),
      (ms, work) => this.ctx.timers.after(ms, work),
    );
  }

  /** Stops delivering: an attempt still in flight finishes without touching the (closed) store. */
  close() {
    this.closed = true;
  }

  emit(event: RaisedEvent) {
    const t = tables(this.ctx.store);
    const grant = t.grants.get(GLOBAL, event.merchantId);
    const readScope = eventReadScope(event.type);
    if (!grant || grant.revoked || (readScope && !grant.scopes.includes(readScope))) return;
    const createdAt = this.ctx.clock.iso();
    const eventId = ids.eventId();
    const chaos = this.chaosFor?.(event.merchantId);
    const decision = chaos ? decide(chaos) : undefined;
    if (decision?.drop) return;
    const hold = !!chaos?.settings.reorderWindow;
    const rowIds: string[] = [];
    for (const subscription of t.webhookSubscriptions.values(GLOBAL)) {
      if (!subscription.enabled || !subscription.eventTypes?.includes(event.type)) continue;
      const body = JSON.stringify(envelope(event, eventId, createdAt));
      for (let copy = 0; copy < (decision?.copies ?? 1); copy++)
        rowIds.push(this.enqueue(subscription, event.merchantId, eventId, body, { delayMs: decision?.delayMs, hold }));
    }
    if (hold && rowIds.length) this.windows!.hold(chaos!, event.merchantId, rowIds);
  }

  /** Sends one payload to a subscription now (CreateWebhookSubscription's Test endpoint uses this). */
  async sendOnce(subscription: Square.WebhookSubscription, body: string, headers: Record<string, string> = {}) {
    const url = subscription.notificationUrl!;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.ctx.config.webhookTimeoutMs);
    try {
      const res = await fetch(url, {
        method: "POST",
        body,
        signal: controller.signal,
        headers: {
          "content-type": "application/json",
          "user-agent": "Square Connect v2 (local emulator)",
          "square-environment": "Sandbox",
          "x-square-hmacsha256-signature": signWebhook(subscription.signatureKey!, url, body),
          ...headers,
        },
      });
      await res.arrayBuffer().catch(() => undefined);
      return { status: res.status, ok: res.ok };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Queues one delivery; `delayMs` holds back its first attempt, `hold` leaves it to a reorder window. */
  enqueue(subscription: Square.WebhookSubscription, merchantId: string, eventId: string, body: string, opts: { delayMs?: number; hold?: boolean } = {}) {
    const first = opts.delayMs ? new Date(this.ctx.clock.nowMs() + opts.delayMs).toISOString() : this.ctx.clock.iso();
    const row: PendingDeliveryRow = {
      id: ids.uid(),
      subscriptionId: subscription.id!,
      merchantId,
      eventId,
      body,
      attempt: 0,
      nextAt: first,
      initialAt: first,
    };
    tables(this.ctx.store).pendingDeliveries.put(GLOBAL, row.id, row);
    if (!opts.hold) this.schedule(row);
    return row.id;
  }

  /** First attempts one after another, so the receiver sees exactly this order (reorder windows). */
  private async deliverInOrder(rowIds: string[]) {
    for (const id of rowIds) await this.attempt(id);
  }

  private schedule(row: PendingDeliveryRow) {
    const wait = Math.max(0, Date.parse(row.nextAt) - this.ctx.clock.nowMs());
    this.ctx.timers.after(wait, () => this.attempt(row.id));
  }

  private async attempt(id: string) {
    const t = tables(this.ctx.store);
    const row = t.pendingDeliveries.get(GLOBAL, id);
    if (!row || this.closed) return;
    const subscription = t.webhookSubscriptions.get(GLOBAL, row.subscriptionId);
    if (!subscription?.enabled) return t.pendingDeliveries.delete(GLOBAL, id);

    const retryHeaders: Record<string, string> = { "square-initial-delivery-timestamp": row.initialAt };
    if (row.attempt > 0) {
      retryHeaders["square-retry-number"] = String(row.attempt);
      retryHeaders["square-retry-reason"] = row.lastError === "timeout" ? "http_timeout" : row.lastError === "network" ? "other_error" : "http_error";
    }
    let status: number | "error" = "error";
    let error: string | undefined;
    try {
      const result = await this.sendOnce(subscription, row.body, retryHeaders);
      status = result.status;
      if (!result.ok) error = "http";
    } catch (err) {
      error = (err as Error).name === "AbortError" ? "timeout" : "network";
    }
    this.record({ eventId: row.eventId, type: typeOf(row.body), merchantId: row.merchantId, subscriptionId: row.subscriptionId, attempt: row.attempt, status, at: this.ctx.clock.iso() });
    // A reset (or close) while the receiver answered must not bring the delivery back.
    if (this.closed || !t.pendingDeliveries.get(GLOBAL, id)) return;

    const delays = this.ctx.config.webhookRetryDelaysMs;
    if (!error || row.attempt >= delays.length) return t.pendingDeliveries.delete(GLOBAL, id);
    const next = { ...row, attempt: row.attempt + 1, lastError: error, nextAt: new Date(this.ctx.clock.nowMs() + delays[row.attempt]).toISOString() };
    t.pendingDeliveries.put(GLOBAL, id, next);
    this.schedule(next);
  }

  private record(entry: DeliveryLogEntry) {
    this.log.push(entry);
    if (this.log.length > 1000) this.log.splice(0, this.log.length - 1000);
  }
}

function envelope(event: RaisedEvent, eventId: string, createdAt: string) {
  return {
    merchant_id: event.merchantId,
    ...(event.locationId ? { location_id: event.locationId } : {}),
    type: event.type,
    event_id: eventId,
    created_at: createdAt,
    data: {
      type: event.dataType,
      id: event.objectId,
      ...(event.deleted ? { deleted: true } : {}),
      object: event.object,
    },
  };
}

function typeOf(body: string): string {
  try {
    return JSON.parse(body).type;
  } catch {
    return "unknown";
  }
}
