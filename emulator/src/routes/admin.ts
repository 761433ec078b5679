import { Hono } from "hono";
import { z } from "zod";
import type { HonoEnv } from "../context";
import { createSeller } from "../domain/sellers";
import { requireCaller } from "../http/auth";
import { errors } from "../http/errors";
import { readJson } from "../http/validate";
import { ALL_SCOPES } from "../scopes";
import type { CallStats } from "../stats";

const NewMerchant = z
  .object({
    business_name: z.string().min(1).max(255).optional(),
    country: z.string().length(2).optional(),
    currency: z.string().length(3).optional(),
    timezone: z.string().min(1).optional(),
    scopes: z.array(z.enum(ALL_SCOPES)).optional(),
  })
  .strict();

/** Control routes (not Square's): JSON in snake_case, under /_emulator. */
export function adminRoutes(stats: CallStats, reset: (opts: { demo: boolean }) => void) {
  return new Hono<HonoEnv>()
    .get("/health", (c) => c.json({ status: "ok" }))
    .post("/merchants", async (c) => {
      const parsed = NewMerchant.safeParse(await readJson(c));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw errors.badRequest("INVALID_VALUE", issue.message, issue.path.join("."));
      }
      const input = parsed.data;
      const seller = createSeller(c.get("ctx"), {
        businessName: input.business_name,
        country: input.country,
        currency: input.currency,
        timezone: input.timezone,
        scopes: input.scopes,
      });
      return c.json({
        merchant_id: seller.merchantId,
        location_id: seller.locationId,
        access_token: seller.accessToken,
        refresh_token: seller.refreshToken,
        application_id: seller.applicationId,
      });
    })
    .post("/reset", async (c) => {
      const raw = (await readJson(c)) as { demo?: unknown };
      reset({ demo: raw.demo !== false });
      return c.body(null, 204);
    })
    .get("/stats", requireCaller, (c) => c.json(stats.read(c.get("caller").merchantId)))
    .post("/stats/reset", requireCaller, (c) => {
      stats.reset(c.get("caller").merchantId);
      return c.body(null, 204);
    });
}
