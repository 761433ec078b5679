import { Hono, type Context } from "hono";
import { z } from "zod";
import type { HonoEnv } from "../context";
import { createSeller } from "../domain/sellers";
import { requireCaller } from "../http/auth";
import { errors } from "../http/errors";
import { readJson } from "../http/validate";
import { consolePage } from "../pages/console";
import { consoleView } from "../pages/console-view";
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

/**
 * Control routes (not Square's): JSON in snake_case, under /_emulator. The HTML console posts
 * its forms to the same routes, which then answer with a redirect back to the console.
 */
export function adminRoutes(stats: CallStats, reset: (opts: { demo: boolean }) => void) {
  return new Hono<HonoEnv>()
    .get("/", (c) => c.html(consolePage(consoleView(c.get("ctx"), c.req.query("created")))))
    .get("/health", (c) => c.json({ status: "ok" }))
    .post("/merchants", async (c) => {
      const form = isForm(c);
      const parsed = NewMerchant.safeParse(form ? merchantForm(await c.req.parseBody()) : await readJson(c));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue.path.join(".");
        if (form) return c.html(consolePage(consoleView(c.get("ctx")), `${field || "request"}: ${issue.message}`), 400);
        throw errors.badRequest("INVALID_VALUE", issue.message, field);
      }
      const input = parsed.data;
      const seller = createSeller(c.get("ctx"), {
        businessName: input.business_name,
        country: input.country,
        currency: input.currency,
        timezone: input.timezone,
        scopes: input.scopes,
      });
      if (form) return c.redirect(`/_emulator?created=${encodeURIComponent(seller.merchantId)}`, 303);
      return c.json({
        merchant_id: seller.merchantId,
        location_id: seller.locationId,
        access_token: seller.accessToken,
        refresh_token: seller.refreshToken,
        application_id: seller.applicationId,
      });
    })
    .post("/reset", async (c) => {
      const form = isForm(c);
      // The console's checkbox is sent only when ticked; JSON callers opt out with {"demo": false}.
      const demo = form ? (await c.req.parseBody()).demo === "true" : ((await readJson(c)) as { demo?: unknown }).demo !== false;
      reset({ demo });
      stats.clear();
      return form ? c.redirect("/_emulator", 303) : c.body(null, 204);
    })
    .get("/stats", requireCaller, (c) => c.json(stats.read(c.get("caller").merchantId)))
    .post("/stats/reset", requireCaller, (c) => {
      stats.reset(c.get("caller").merchantId);
      return c.body(null, 204);
    });
}

const isForm = (c: Context) => /application\/x-www-form-urlencoded|multipart\/form-data/i.test(c.req.header("content-type") ?? "");

/** The console's create-seller form: blank fields mean "use the default". */
function merchantForm(form: Record<string, unknown>) {
  const text = (key: string) => (typeof form[key] === "string" && (form[key] as string).trim() ? (form[key] as string).trim() : undefined);
  return { business_name: text("business_name"), country: text("country")?.toUpperCase() };
}
