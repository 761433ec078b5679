import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { emitCustomerEvent } from "../domain/customer-events";
import { customerToWire } from "../domain/customer-wire";
import { createCustomer, customerNotFound, deleteCustomer, retrieveCustomer, updateCustomer } from "../domain/customers";
import { scope } from "../http/auth";
import { errors } from "../http/errors";
import { idempotent } from "../http/idempotency";
import { body } from "../http/validate";
import { schemas } from "../http/wire";
import { fieldsOf, patchOf } from "./customers-input";

/** CreateCustomer, RetrieveCustomer, UpdateCustomer and DeleteCustomer (mounted at /v2/customers). */
export const customerRoutes = new Hono<HonoEnv>()
  .post("/", scope("CUSTOMERS_WRITE"), async (c) => {
    const { value, raw } = await body(c, schemas.customers.CreateCustomerRequest);
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    return idempotent(c, "CreateCustomer", value.idempotencyKey, raw, () => {
      const customer = createCustomer(ctx, merchantId, fieldsOf(value));
      emitCustomerEvent(ctx, merchantId, "customer.created", customer);
      return { customer: customerToWire(customer) };
    });
  })
  .get("/:customer_id", scope("CUSTOMERS_READ"), (c) => {
    const id = c.req.param("customer_id");
    const customer = retrieveCustomer(c.get("ctx"), c.get("caller").merchantId, id);
    if (!customer) throw customerNotFound(id);
    return c.json({ customer: customerToWire(customer) });
  })
  .put("/:customer_id", scope("CUSTOMERS_WRITE"), async (c) => {
    const { value, raw } = await body(c, schemas.customers.UpdateCustomerRequest);
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const customer = updateCustomer(ctx, merchantId, c.req.param("customer_id"), patchOf(value, raw), value.version);
    emitCustomerEvent(ctx, merchantId, "customer.updated", customer);
    return c.json({ customer: customerToWire(customer) });
  })
  .delete("/:customer_id", scope("CUSTOMERS_WRITE"), (c) => {
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const customer = deleteCustomer(ctx, merchantId, c.req.param("customer_id"), versionParam(c.req.query("version")));
    emitCustomerEvent(ctx, merchantId, "customer.deleted", customer);
    return c.json({});
  });

function versionParam(raw: string | undefined): bigint | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) throw errors.badRequest("EXPECTED_INTEGER", "Expected an integer value.", "version");
  return BigInt(raw);
}
