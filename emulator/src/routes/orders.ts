import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { buildOrder } from "../domain/orders/build-order";
import { getOrder, insertOrder, orderWire } from "../domain/orders/order-store";
import { payOrder } from "../domain/orders/pay-order";
import { searchOrders } from "../domain/orders/search-orders";
import { updateOrder } from "../domain/orders/update-order";
import { checkLength, requireKey } from "../domain/payments/seller-checks";
import { tables } from "../domain/tables";
import { scope } from "../http/auth";
import { errors } from "../http/errors";
import { idempotent } from "../http/idempotency";
import { page } from "../http/pagination";
import { body } from "../http/validate";
import { schemas } from "../http/wire";

/** Square's Orders API (CloneOrder and custom attributes are not emulated). */
export const orderRoutes = new Hono<HonoEnv>()
  .post("/", scope("ORDERS_WRITE"), async (c) => {
    const { value, raw } = await body(c, schemas.CreateOrderRequest);
    checkLength(value.idempotencyKey, "idempotency_key", 192);
    const { merchantId } = c.get("caller");
    return idempotent(c, "CreateOrder", value.idempotencyKey, raw, () => {
      if (!value.order) throw errors.missing("order");
      const ctx = c.get("ctx");
      return { order: orderWire(insertOrder(ctx, merchantId, buildOrder(ctx, merchantId, value.order, { stored: true }), true)) };
    });
  })
  .post("/calculate", async (c) => {
    const { value } = await body(c, schemas.CalculateOrderRequest);
    const { id: _id, version: _version, ...order } = buildOrder(c.get("ctx"), c.get("caller").merchantId, value.order, { stored: false });
    return c.json({ order: orderWire(order) });
  })
  .post("/batch-retrieve", scope("ORDERS_READ"), async (c) => {
    const { value } = await body(c, schemas.BatchGetOrdersRequest);
    if (value.orderIds.length > 100) throw errors.badRequest("ARRAY_LENGTH_TOO_LONG", "At most 100 order_ids are allowed.", "order_ids");
    const orders = tables(c.get("ctx").store).orders;
    const { merchantId } = c.get("caller");
    const found = value.orderIds.flatMap((id) => {
      const order = orders.get(merchantId, id);
      return order && (!value.locationId || order.locationId === value.locationId) ? [order] : [];
    });
    return c.json(found.length ? { orders: found.map(orderWire) } : {});
  })
  .post("/search", scope("ORDERS_READ"), async (c) => {
    const { value, raw } = await body(c, schemas.SearchOrdersRequest);
    const limit = value.limit ?? 500;
    if (limit < 1) throw errors.badRequest("VALUE_TOO_LOW", "`limit` must be at least 1.", "limit");
    if (limit > 1000) throw errors.badRequest("VALUE_TOO_HIGH", "`limit` must be at most 1000.", "limit");
    const found = searchOrders(c.get("ctx"), c.get("caller").merchantId, value);
    const { items, cursor } = page(found, { cursor: value.cursor, limit, query: { ...raw, cursor: undefined, limit: undefined } });
    if (!items.length) return c.json({});
    const listed = value.returnEntries
      ? { order_entries: items.map((o) => ({ order_id: o.id, version: o.version, location_id: o.locationId })) }
      : { orders: items.map(orderWire) };
    return c.json({ ...listed, ...(cursor ? { cursor } : {}) });
  })
  .get("/:order_id", scope("ORDERS_READ"), (c) =>
    c.json({ order: orderWire(getOrder(c.get("ctx"), c.get("caller").merchantId, c.req.param("order_id"))) }),
  )
  .put("/:order_id", scope("ORDERS_WRITE"), async (c) => {
    const { value, raw } = await body(c, schemas.UpdateOrderRequest);
    checkLength(value.idempotencyKey, "idempotency_key", 192);
    const id = c.req.param("order_id");
    return idempotent(c, `UpdateOrder:${id}`, value.idempotencyKey ?? undefined, raw, () => {
      if (!value.order) throw errors.missing("order");
      return { order: orderWire(updateOrder(c.get("ctx"), c.get("caller").merchantId, id, value.order, value.fieldsToClear ?? [])) };
    });
  })
  .post("/:order_id/pay", scope("PAYMENTS_WRITE", "ORDERS_WRITE"), async (c) => {
    const { value, raw } = await body(c, schemas.PayOrderRequest);
    requireKey(value.idempotencyKey, "idempotency_key", 192);
    const id = c.req.param("order_id");
    return idempotent(c, `PayOrder:${id}`, value.idempotencyKey, raw, () => ({
      order: orderWire(payOrder(c.get("ctx"), c.get("caller").merchantId, id, value)),
    }));
  });
