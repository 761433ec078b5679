import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { schemas, toWire } from "../http/wire";
import { customerToWire } from "./customer-wire";

export type CustomerEventType = "customer.created" | "customer.updated" | "customer.deleted";

/** `event_context.merge` as Square sends it on the events of a merge. */
export type CustomerEventContext = Square.CustomerCreatedEventEventContext;

/**
 * Raises customer.created / updated / deleted through the webhook bus in Square's shape:
 * `data.type: "customer"`, `data.object: { customer, event_context? }`, `data.deleted: true` on
 * delete. Square leaves `segment_ids` out of customer events, and `group_ids` out of deletions.
 */
export function emitCustomerEvent(
  ctx: EmulatorContext,
  merchantId: string,
  type: CustomerEventType,
  customer: Square.Customer,
  eventContext?: CustomerEventContext,
) {
  const { segment_ids: _segments, group_ids: groups, ...rest } = customerToWire(customer);
  const wire = type === "customer.deleted" || groups === undefined ? rest : { ...rest, group_ids: groups };
  ctx.events.emit({
    merchantId,
    type,
    dataType: "customer",
    objectId: customer.id!,
    object: {
      customer: wire,
      ...(eventContext ? { event_context: toWire(schemas.CustomerCreatedEventEventContext, eventContext) } : {}),
    },
    ...(type === "customer.deleted" ? { deleted: true } : {}),
  });
}
