import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { customerToWire } from "../domain/customer-wire";
import { mergeCustomers } from "../domain/merge";
import { tables } from "../domain/tables";
import { requireCaller } from "../http/auth";
import { errors, SquareApiError } from "../http/errors";
import { readJson } from "../http/validate";
import { mergePage } from "../pages/merge-page";
import { mergeView } from "../pages/merge-view";
import { GLOBAL } from "../store/store";

/**
 * Profile merges (mounted at /_emulator): the JSON route for tests and tools, with the seller's
 * bearer token, and the console's merge page, whose form needs no token (like the rest of the console).
 */
export const mergeRoutes = new Hono<HonoEnv>()
  .post("/customers/merge", requireCaller, async (c) => {
    const customerIds = readCustomerIds(await readJson(c));
    const merged = mergeCustomers(c.get("ctx"), c.get("caller").merchantId, customerIds);
    return c.json({ customer: customerToWire(merged) });
  })
  .get("/merge", (c) => {
    const q = c.req.queries();
    const selected = (q.customer_ids ?? []).flatMap((v) => v.split(",")).filter(Boolean);
    const view = mergeView(c.get("ctx"), {
      merchantId: c.req.query("merchant_id"),
      query: c.req.query("q"),
      selected,
      mergedId: c.req.query("merged"),
      returnTo: c.req.query("return_to"),
    });
    return c.html(mergePage(view));
  })
  .post("/merge", async (c) => {
    const form = await c.req.parseBody({ all: true });
    const merchantId = String(form.merchant_id ?? "");
    const returnTo = typeof form.return_to === "string" ? form.return_to : undefined;
    const raw = form.customer_ids;
    const customerIds = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    const ctx = c.get("ctx");
    try {
      if (!tables(ctx.store).merchants.get(GLOBAL, merchantId)) throw errors.notFound("Unknown seller.", "merchant_id");
      const merged = mergeCustomers(ctx, merchantId, customerIds);
      const params = new URLSearchParams({ merchant_id: merchantId, merged: merged.id!, ...(returnTo ? { return_to: returnTo } : {}) });
      return c.redirect(`/_emulator/merge?${params}`, 303);
    } catch (err) {
      if (!(err instanceof SquareApiError)) throw err;
      const view = mergeView(ctx, { merchantId, selected: customerIds, returnTo });
      return c.html(mergePage(view, err.errors.map((e) => e.detail ?? e.code).join(" ")), err.status);
    }
  });

/** `{customer_ids: [string, …]}` and nothing else, refused in Square's shape naming the field. */
function readCustomerIds(body: unknown): string[] {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw errors.badRequest("EXPECTED_OBJECT", "The body must be a JSON object.");
  const { customer_ids: ids, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) throw errors.badRequest("UNKNOWN_BODY_PARAMETER", `Unknown field \`${unknown}\`.`, unknown);
  if (ids === undefined || ids === null) throw errors.missing("customer_ids");
  if (!Array.isArray(ids)) throw errors.badRequest("EXPECTED_ARRAY", "Expected an array of customer ids.", "customer_ids");
  ids.forEach((id, i) => {
    if (typeof id !== "string" || !id) throw errors.badRequest("EXPECTED_STRING", "Expected a customer id.", `customer_ids[${i}]`);
  });
  return ids as string[];
}
