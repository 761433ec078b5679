import { Hono } from "hono";
import { z } from "zod";
import type { HonoEnv } from "../context";
import { scalePlan } from "../domain/seed/seed-plan";
import { seedSeller } from "../domain/seed/seed-seller";
import type { FaultRegistry } from "../http/faults-registry";
import { parseControlBody } from "../http/faults-settings";
import { readJson } from "../http/validate";

const SeedRequest = z
  .object({
    customers: z.number().int().min(1).max(100_000),
    orders: z.number().int().min(0).max(1_000_000),
    months: z.number().int().min(1).max(60).optional(),
    /** Added latency (ms) on every call of the new seller, as POST /_emulator/faults `latency_ms`. */
    latency: z.number().int().min(0).max(60_000).optional(),
    seed: z.number().int().optional(),
    business_name: z.string().min(1).max(255).optional(),
    timezone: z.string().refine(isTimeZone, "Expected an IANA time zone such as America/Los_Angeles.").optional(),
  })
  .strict();

/**
 * POST /_emulator/seed: a fresh seller with `customers` profiles and `orders` orders over `months`
 * months, generated straight into the store, answered with its credentials. Reproducible: the
 * same `seed` (default 1) on the same date gives the same shape and counts.
 */
export function seedRoutes(faults: FaultRegistry) {
  return new Hono<HonoEnv>().post("/seed", async (c) => {
    const input = parseControlBody(SeedRequest, await readJson(c));
    const ctx = c.get("ctx");
    const started = performance.now();
    const plan = scalePlan({ customers: input.customers, orders: input.orders, months: input.months, seed: input.seed, endMs: ctx.clock.nowMs() });
    const { credentials, counts, kinds } = seedSeller(ctx, plan, { businessName: input.business_name ?? "Seeded Café", timezone: input.timezone });
    if (input.latency) faults.set(credentials.merchantId, { latency_ms: input.latency }, ctx.clock.nowMs());
    return c.json({
      merchant_id: credentials.merchantId,
      location_id: credentials.locationId,
      access_token: credentials.accessToken,
      refresh_token: credentials.refreshToken,
      application_id: credentials.applicationId,
      counts,
      order_kinds: kinds,
      elapsed_ms: Math.round(performance.now() - started),
    });
  });
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
