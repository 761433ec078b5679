import "server-only";
import type { Db } from "@/lib/db/client";
import { countHit, dropExpiredWindows } from "@/lib/db/queries/checkout-rate-limits";

export interface RateLimits {
  perIp: number;
  perLink: number;
  windowSeconds: number;
}

export type RateLimitVerdict = { ok: true } | { ok: false; limit: "ip" | "link"; retryAfterSeconds: number };

/**
 * Fixed windows aligned to the clock, counted in the database so every app instance sees the same
 * totals. The buyer's IP is checked first: a flood from one address is stopped before it can use up
 * the link's allowance for everyone else.
 */
export async function checkRateLimits(db: Db, limits: RateLimits, who: { ip: string | null; linkId: string }, nowMs = Date.now()): Promise<RateLimitVerdict> {
  const windowMs = limits.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000));
  const buckets: ["ip" | "link", string, number][] = [];
  if (who.ip) buckets.push(["ip", `ip:${who.ip}`, limits.perIp]);
  buckets.push(["link", `link:${who.linkId}`, limits.perLink]);
  for (const [limit, bucket, max] of buckets) {
    const hits = await countHit(db, { bucket, windowStart });
    // The first hit of a new window clears every finished window, so counters never pile up.
    if (hits === 1) await dropExpiredWindows(db, windowStart);
    if (hits > max) return { ok: false, limit, retryAfterSeconds };
  }
  return { ok: true };
}

/**
 * The buyer's address from X-Forwarded-For: the entry `hops` from the right. Next fills the header
 * from the socket when a request arrives without one; a proxy in front appends the address it saw.
 */
export function clientIp(forwardedFor: string | null, hops: number): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const ip = entries[entries.length - hops] ?? entries[0];
  return ip ? ip.slice(0, 64) : null;
}
