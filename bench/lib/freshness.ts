import { randomUUID } from "node:crypto";
import type { SquareClient } from "square";
import type { AppClient } from "./app-client";
import { spread, type Spread } from "./percentiles";

export interface FreshnessResult {
  writes: number;
  /** Square answered the write → the change shows in Patron's directory (through the webhook). */
  ackToVisibleMs: Spread;
  /** The same from the moment the write was sent (adds the injected latency of the write itself). */
  sentToVisibleMs: Spread;
  byKind: Record<string, Spread>;
  timedOut: number;
}

interface DirectoryPage {
  customers: { id: string; name: string; orders: number }[];
  total: number;
}

const POLL_MS = 20;
const TIMEOUT_MS = 30_000;

/**
 * Writes to the local Square as another app or the seller's point of sale would (the SDK), then
 * polls Patron's directory JSON (read from the mirror) until the change shows: UpdateCustomer (a new
 * name, found by search) and CreatePayment (the customer's order count goes up), alternately. Nothing
 * but the webhook tells Patron: periodic reconciliation is a day away in the bench's app.
 */
export async function measureFreshness(app: AppClient, square: SquareClient, opts: { writes: number; customerId: string; email: string; locationId: string }): Promise<FreshnessResult> {
  const row = async (q: string) => (await app.json<DirectoryPage>(`/api/customers?q=${encodeURIComponent(q)}`)).customers.find((c) => c.id === opts.customerId);
  // Each write returns when Square answered it, with how to tell that Patron shows it.
  const writes: Record<string, (k: number) => Promise<{ sent: number; visible: () => Promise<boolean> }>> = {
    async UpdateCustomer(k) {
      const name = `Fresh${k}x${randomUUID().slice(0, 6)}`;
      const sent = performance.now();
      await square.customers.update({ customerId: opts.customerId, givenName: name });
      return { sent, visible: async () => !!(await row(name)) };
    },
    async CreatePayment(k) {
      const before = (await row(opts.email))?.orders ?? 0;
      const sent = performance.now();
      const amountMoney = { amount: BigInt(500 + k), currency: "USD" as const };
      await square.payments.create({ idempotencyKey: randomUUID(), sourceId: "cnon:card-nonce-ok", amountMoney, customerId: opts.customerId, locationId: opts.locationId });
      return { sent, visible: async () => ((await row(opts.email))?.orders ?? 0) > before };
    },
  };
  const kinds = Object.keys(writes);
  const samples: { kind: string; ack: number; sent: number }[] = [];
  let timedOut = 0;
  for (let k = 0; k < opts.writes; k++) {
    const kind = kinds[k % kinds.length];
    const { sent, visible } = await writes[kind](k);
    const ack = performance.now();
    let seen = false;
    while (!(seen = await visible()) && performance.now() - ack < TIMEOUT_MS) await new Promise((r) => setTimeout(r, POLL_MS));
    const at = performance.now();
    if (seen) samples.push({ kind, ack: at - ack, sent: at - sent });
    else timedOut++;
  }
  return {
    writes: opts.writes,
    ackToVisibleMs: spread(samples.map((s) => s.ack)),
    sentToVisibleMs: spread(samples.map((s) => s.sent)),
    byKind: Object.fromEntries(kinds.map((kind) => [kind, spread(samples.filter((s) => s.kind === kind).map((s) => s.ack))])),
    timedOut,
  };
}
