import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { schemas, toWire } from "../../http/wire";
import { tables } from "../tables";

export const orderWire = (order: Square.Order) => toWire(schemas.Order, order) as Record<string, unknown>;

export function getOrder(ctx: EmulatorContext, merchantId: string, id: string, field?: string): Square.Order {
  const order = tables(ctx.store).orders.get(merchantId, id);
  if (!order) throw errors.notFound(`Order \`${id}\` not found.`, field);
  return order;
}

/** Stores a new order; `announce` raises order.created (Square does so for CreateOrder calls only). */
export function insertOrder(ctx: EmulatorContext, merchantId: string, order: Square.Order, announce: boolean): Square.Order {
  tables(ctx.store).orders.put(merchantId, order.id!, order);
  if (announce) emitSummary(ctx, merchantId, "order.created", order);
  return order;
}

/** Writes a change: `version` and `updated_at` move, `closed_at` is set on reaching a terminal state, order.updated fires. */
export function commitOrder(ctx: EmulatorContext, merchantId: string, order: Square.Order): Square.Order {
  const now = ctx.clock.iso();
  const terminal = order.state === "COMPLETED" || order.state === "CANCELED";
  const saved: Square.Order = { ...order, version: (order.version ?? 0) + 1, updatedAt: now, ...(terminal && !order.closedAt ? { closedAt: now } : {}) };
  tables(ctx.store).orders.put(merchantId, saved.id!, saved);
  emitSummary(ctx, merchantId, "order.updated", saved);
  return saved;
}

/** Order webhooks carry Square's summary of the order, never its lines. */
function emitSummary(ctx: EmulatorContext, merchantId: string, type: "order.created" | "order.updated", order: Square.Order) {
  const summary = { orderId: order.id, version: order.version, locationId: order.locationId, state: order.state, createdAt: order.createdAt };
  const dataType = type === "order.created" ? "order_created" : "order_updated";
  const wire = () =>
    type === "order.created" ? toWire(schemas.OrderCreated, summary) : toWire(schemas.OrderUpdated, { ...summary, updatedAt: order.updatedAt });
  // A getter: serialized only when the bus builds a delivery (generated history has no listeners).
  const object = Object.defineProperty({}, dataType, { get: wire, enumerable: true });
  ctx.events.emit({ merchantId, type, dataType, objectId: order.id!, object, locationId: order.locationId });
}
