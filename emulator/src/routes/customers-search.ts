import { Hono } from "hono";
import type { Square } from "square";
import type { HonoEnv } from "../context";
import { customerIndex } from "../domain/customer-index";
import { findCustomers } from "../domain/customer-search";
import { customerToWire } from "../domain/customer-wire";
import { scope } from "../http/auth";
import { errors } from "../http/errors";
import { page } from "../http/pagination";
import { body } from "../http/validate";
import { schemas } from "../http/wire";

const MAX_LIMIT = 100;

/** ListCustomers and SearchCustomers (mounted at /v2/customers). */
export const customerSearchRoutes = new Hono<HonoEnv>()
  .get("/", scope("CUSTOMERS_READ"), (c) => {
    const q = (name: string) => c.req.query(name);
    const limit = limitOf(q("limit") === undefined ? undefined : Number(q("limit")), q("limit"));
    const field = oneOf(q("sort_field"), ["DEFAULT", "CREATED_AT"] as const, "sort_field");
    const order = oneOf(q("sort_order"), ["ASC", "DESC"] as const, "sort_order");
    const count = booleanParam(q("count"), "count");
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const rows = findCustomers(customerIndex(ctx, merchantId), undefined, { field, order });
    const result = page(rows, { cursor: q("cursor"), limit, query: { field, order } });
    return c.json(listResponse(result, count ? rows.length : undefined));
  })
  .post("/search", scope("CUSTOMERS_READ"), async (c) => {
    const { value, raw } = await body(c, schemas.customers.SearchCustomersRequest);
    const limit = limitOf(value.limit === undefined ? undefined : Number(value.limit), raw.limit);
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const { filter, sort } = value.query ?? {};
    const rows = findCustomers(customerIndex(ctx, merchantId), filter, { field: sort?.field, order: sort?.order });
    const result = page(rows, { cursor: value.cursor, limit, query: { query: raw.query ?? null } });
    return c.json(listResponse(result, value.count ? rows.length : undefined));
  });

/** Square answers an empty page as `{}`: no empty array and no cursor. */
function listResponse(result: { items: Square.Customer[]; cursor?: string }, count?: number) {
  return {
    ...(result.items.length ? { customers: result.items.map(customerToWire) } : {}),
    ...(result.cursor ? { cursor: result.cursor } : {}),
    ...(count !== undefined ? { count } : {}),
  };
}

function limitOf(limit: number | undefined, raw: unknown): number {
  if (limit === undefined) return MAX_LIMIT;
  if (!Number.isInteger(limit)) throw errors.badRequest("EXPECTED_INTEGER", `Expected an integer, got \`${String(raw)}\`.`, "limit");
  if (limit < 1) throw errors.badRequest("VALUE_TOO_LOW", "`limit` must be at least 1.", "limit");
  if (limit > MAX_LIMIT) throw errors.badRequest("VALUE_TOO_HIGH", `\`limit\` must be at most ${MAX_LIMIT}.`, "limit");
  return limit;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw errors.badRequest("INVALID_ENUM_VALUE", `\`${value}\` is not a valid value for ${field}.`, field);
}

function booleanParam(value: string | undefined, field: string): boolean {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  throw errors.badRequest("EXPECTED_BOOLEAN", `Expected true or false, got \`${value}\`.`, field);
}
