import { Hono, type Context } from "hono";
import type { HonoEnv } from "../context";
import { emitCustomerEvent } from "../domain/customer-events";
import { customerToWire } from "../domain/customer-wire";
import { createCustomer, customerNotFound, deleteCustomer, retrieveCustomer, updateCustomer } from "../domain/customers";
import { tables } from "../domain/tables";
import { scope } from "../http/auth";
import { errors, SquareApiError } from "../http/errors";
import { hashRequest } from "../http/idempotency";
import { body, parseWire, readJson, type RequestSchema } from "../http/validate";
import { schemas } from "../http/wire";
import { fieldsOf, patchOf } from "./customers-input";

const MAX_ENTRIES = 100;

type Item = Record<string, unknown>;

/**
 * The four bulk endpoints (mounted at /v2/customers). Each entry succeeds or fails on its own:
 * the answer is a 200 with `responses` keyed like the request, holding `{customer}` (or `{}` for
 * deletes) or `{errors}`. Only a malformed batch as a whole gets a top-level 400.
 */
export const customerBulkRoutes = new Hono<HonoEnv>()
  .post("/bulk-create", scope("CUSTOMERS_WRITE"), async (c) => {
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const idempotency = tables(ctx.store).idempotency;
    const responses = await eachEntry(c, schemas.BulkCreateCustomerData, (key, value, raw) => {
      // Each map key is that entry's idempotency key: a repeat replays, a changed entry is refused.
      const id = `BulkCreateCustomers:${key}`;
      const hash = hashRequest(raw);
      const seen = idempotency.get(merchantId, id);
      if (seen && seen.hash !== hash)
        throw errors.badRequest("IDEMPOTENCY_KEY_REUSED", "The idempotency key can only be retried with the same request data.", "idempotency_key");
      if (seen) return seen.body as Item;
      const customer = createCustomer(ctx, merchantId, fieldsOf(value));
      emitCustomerEvent(ctx, merchantId, "customer.created", customer);
      const response = { customer: customerToWire(customer) };
      idempotency.put(merchantId, id, { hash, status: 200, body: response, at: ctx.clock.iso() });
      return response;
    });
    return c.json({ responses });
  })
  .post("/bulk-update", scope("CUSTOMERS_WRITE"), async (c) => {
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const responses = await eachEntry(c, schemas.BulkUpdateCustomerData, (id, value, raw) => {
      const customer = updateCustomer(ctx, merchantId, id, patchOf(value, raw), value.version);
      emitCustomerEvent(ctx, merchantId, "customer.updated", customer);
      return { customer: customerToWire(customer) };
    });
    return c.json({ responses });
  })
  .post("/bulk-retrieve", scope("CUSTOMERS_READ"), async (c) => {
    const { value } = await body(c, schemas.customers.BulkRetrieveCustomersRequest);
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const responses = eachId(value.customerIds, (id) => {
      const customer = retrieveCustomer(ctx, merchantId, id);
      if (!customer) throw customerNotFound(id);
      return { customer: customerToWire(customer) };
    });
    return c.json({ responses });
  })
  .post("/bulk-delete", scope("CUSTOMERS_WRITE"), async (c) => {
    const { value } = await body(c, schemas.customers.BulkDeleteCustomersRequest);
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const responses = eachId(value.customerIds, (id) => {
      emitCustomerEvent(ctx, merchantId, "customer.deleted", deleteCustomer(ctx, merchantId, id));
      return {};
    });
    return c.json({ responses });
  });

/** Runs `work` per entry of the `customers` map, validating each entry with the SDK's own schema. */
async function eachEntry<T>(
  c: Context<HonoEnv>,
  schema: RequestSchema<T>,
  work: (key: string, value: T, raw: Record<string, unknown>) => Item,
): Promise<Record<string, Item>> {
  const raw = (await readJson(c)) as Record<string, unknown>;
  const unknown = Object.keys(raw).find((k) => k !== "customers");
  if (unknown) throw errors.badRequest("UNKNOWN_BODY_PARAMETER", `Unknown field \`${unknown}\`.`, unknown);
  const entries = raw.customers;
  if (entries === undefined) throw errors.missing("customers");
  if (!entries || typeof entries !== "object" || Array.isArray(entries))
    throw errors.badRequest("EXPECTED_OBJECT", "Expected an object keyed by id.", "customers");
  checkCount(Object.keys(entries).length);
  const responses: Record<string, Item> = {};
  for (const [key, entry] of Object.entries(entries as Record<string, unknown>))
    responses[key] = perItem(() => work(key, parseWire(schema, entry), (entry ?? {}) as Record<string, unknown>));
  return responses;
}

function eachId(ids: string[], work: (id: string) => Item): Record<string, Item> {
  checkCount(ids.length, "customer_ids");
  const responses: Record<string, Item> = {};
  for (const id of ids) responses[id] = perItem(() => work(id));
  return responses;
}

function perItem(work: () => Item): Item {
  try {
    return work();
  } catch (err) {
    if (err instanceof SquareApiError) return { errors: err.errors };
    throw err;
  }
}

function checkCount(n: number, field = "customers") {
  if (n < 1) throw errors.badRequest("ARRAY_LENGTH_TOO_SHORT", `\`${field}\` must have at least 1 entry.`, field);
  if (n > MAX_ENTRIES) throw errors.badRequest("ARRAY_LENGTH_TOO_LONG", `\`${field}\` must have at most ${MAX_ENTRIES} entries.`, field);
}
