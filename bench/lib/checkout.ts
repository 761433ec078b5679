import { randomUUID } from "node:crypto";
import type { AppClient, Measured } from "./app-client";
import { spread, type Spread } from "./percentiles";
import type { SquareAdmin } from "./square-admin";

export interface CheckoutResult {
  linkId: string;
  runs: number;
  serverMs: Spread;
  dbMs: Spread;
  cpuMs: Spread;
  /** Square calls per checkout: each attempt's own count (webhooks are dropped meanwhile). */
  squareCalls: Spread;
  /** Most Square calls any attempt made in the 300 ms after it answered (work left running). */
  lateCalls: number;
  /** The routes of the costliest attempt, and which kind of buyer it was. */
  worst: { variant: string; calls: Record<string, number> };
}

const VARIANTS = [
  { name: "new buyer", returning: false, saveCard: false },
  { name: "returning buyer", returning: true, saveCard: false },
  { name: "new buyer, card saved", returning: false, saveCard: true },
  { name: "returning buyer, card saved", returning: true, saveCard: true },
] as const;

/** A fixed-price checkout link of the seller's (Patron makes two examples in local mode: items, and open amount). */
export async function findCheckoutLink(app: AppClient): Promise<string> {
  const html = await app.text("/checkout-links");
  const ids = [...new Set([...html.matchAll(/href="[^"]*\/pay\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1]))];
  for (const id of ids) if ((await app.json<{ link: { pricing: string } }>(`/api/pay/${id}`)).link.pricing === "items") return id;
  throw new Error(`No fixed-price checkout link on /checkout-links (found ${ids.length} links).`);
}

/**
 * Real checkouts through the checkout's JSON API (POST /api/pay/{linkId}, the same runCheckout as the
 * buyer page), paid with the sandbox token `cnon:card-nonce-ok`: finding or creating the customer,
 * the order and the payment on the local Square. The buyers rotate through new and returning
 * (`returningEmail`'s profile), with and without consent to save the card. Every attempt must succeed.
 */
export async function measureCheckout(app: AppClient, admin: SquareAdmin, opts: { linkId: string; runs: number; returningEmail: string }): Promise<CheckoutResult> {
  const samples: (Measured & { calls: number })[] = [];
  const lateCalls: number[] = [];
  let worst = { variant: "", calls: {} as Record<string, number>, total: -1 };
  for (let i = 0; i < opts.runs; i++) {
    const v = VARIANTS[i % VARIANTS.length];
    const email = v.returning ? opts.returningEmail : `bench.buyer.${randomUUID().slice(0, 8)}@example.com`;
    await admin.resetStats();
    const r = await app.request(`/api/pay/${opts.linkId}`, {
      json: { attempt_id: randomUUID(), source_id: "cnon:card-nonce-ok", buyer: { given_name: "Bench", family_name: "Buyer", email_address: email }, save_card: v.saveCard },
    });
    const counts = await admin.stats();
    // Anything the action left running after it answered would show up here rather than be lost.
    await new Promise((done) => setTimeout(done, 300));
    lateCalls.push((await admin.stats()).total - counts.total);
    if (r.status !== 200) throw new Error(`Checkout (${v.name}) answered ${r.status}: ${r.body.slice(0, 300)}`);
    samples.push({ ...r, calls: counts.total });
    if (counts.total > worst.total) worst = { variant: v.name, calls: counts.calls, total: counts.total };
  }
  return {
    linkId: opts.linkId,
    runs: opts.runs,
    serverMs: spread(samples.map((s) => s.serverMs)),
    dbMs: spread(samples.map((s) => s.dbMs)),
    cpuMs: spread(samples.map((s) => s.cpuMs)),
    squareCalls: spread(samples.map((s) => s.calls)),
    lateCalls: Math.max(...lateCalls),
    worst: { variant: worst.variant, calls: worst.calls },
  };
}
