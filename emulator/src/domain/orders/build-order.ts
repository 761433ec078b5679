import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { ids } from "../../ids";
import { priceOrder } from "../pricing/price-order";
import { checkLength, requireLocation, sellerCurrency } from "../payments/seller-checks";
import { withTotals } from "./order-totals";
import { checkMetadata, normalizeOrderContent } from "./order-validation";

/** What an application may write on an order; everything else on it is Square's to compute. */
export function writableFields(order: Square.Order): Square.Order {
  const { locationId, referenceId, source, customerId, lineItems, taxes, discounts, serviceCharges, fulfillments, metadata, ticketName, pricingOptions, state } = order;
  return { locationId, referenceId, source, customerId, lineItems, taxes, discounts, serviceCharges, fulfillments, metadata, ticketName, pricingOptions, state };
}

/** Field rules shared by CreateOrder, UpdateOrder and CalculateOrder. */
export function checkOrderFields(order: Square.Order, field = "order") {
  checkLength(order.referenceId, `${field}.reference_id`, 40);
  checkLength(order.customerId, `${field}.customer_id`, 191);
  checkLength(order.ticketName, `${field}.ticket_name`, 30);
  checkLength(order.source?.name, `${field}.source.name`, 255);
  checkMetadata(order.metadata, `${field}.metadata`);
}

/** Prices lines, taxes and discounts and fills every computed money field. */
export function priced(order: Square.Order, currency: string): Square.Order {
  const result = priceOrder({
    currency: currency as Square.Currency,
    lineItems: order.lineItems ?? [],
    taxes: order.taxes ?? [],
    discounts: order.discounts ?? [],
    newUid: ids.uid,
  });
  const orEmpty = <T>(list: T[]) => (list.length ? list : undefined);
  return withTotals({ ...order, lineItems: orEmpty(result.lineItems), taxes: orEmpty(result.taxes), discounts: orEmpty(result.discounts) }, currency);
}

/** CreateOrder's order (or CalculateOrder's, which stores nothing): validated, priced, version 1. */
export function buildOrder(ctx: EmulatorContext, merchantId: string, input: Square.Order, opts: { stored: boolean }): Square.Order {
  const location = requireLocation(ctx, merchantId, input.locationId, "order.location_id");
  const currency = sellerCurrency(ctx, merchantId);
  const order = writableFields(input);
  checkOrderFields(order);
  const state = order.state ?? "OPEN";
  if (state !== "OPEN" && state !== "DRAFT") throw errors.badRequest("INVALID_VALUE", "A new order is OPEN or DRAFT.", "order.state");
  if ((order.fulfillments?.length ?? 0) > 1) throw errors.badRequest("ARRAY_LENGTH_TOO_LONG", "An order is created with at most one fulfillment.", "order.fulfillments");
  const content = normalizeOrderContent(order, currency, ids.uid);
  const now = ctx.clock.iso();
  return priced(
    {
      ...content,
      ...(opts.stored ? { id: ids.order() } : {}),
      locationId: location.id!,
      source: { name: order.source?.name ?? ctx.config.applicationName },
      fulfillments: order.fulfillments?.map((f) => ({ ...f, uid: f.uid ?? ids.uid(), state: f.state ?? "PROPOSED" })),
      state,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    currency,
  );
}
