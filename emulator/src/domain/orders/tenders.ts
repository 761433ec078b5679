import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { ids } from "../../ids";
import { stringify } from "../../store/json";
import { parseDecimal } from "../pricing/rational";
import { sellerCurrency } from "../payments/seller-checks";
import { tables } from "../tables";
import { priced } from "./build-order";
import { commitOrder, getOrder, insertOrder } from "./order-store";
import { withTotals } from "./order-totals";

/** Square's "payment total does not match the order total" refusal (its exact code is unconfirmed). */
export const amountMismatch = (field = "amount_money") =>
  errors.badRequest("PAYMENT_AMOUNT_MISMATCH", "The payment total does not match the order total.", field);

/**
 * The order a new payment names: it must exist, be OPEN and at the payment's location. A payment
 * that completes at once must settle exactly what is still unpaid; a delayed-capture one (part of
 * a split) may take less, never more. Authorizations may together exceed what is due: PayOrder
 * captures the ones it lists and cancels the others.
 */
export function checkOrderForPayment(ctx: EmulatorContext, merchantId: string, orderId: string, payment: { amount: bigint; locationId: string; autocomplete: boolean }) {
  const order = getOrder(ctx, merchantId, orderId, "order_id");
  if (order.state !== "OPEN") throw errors.badRequest("BAD_REQUEST", `The order is ${order.state}; only OPEN orders can be paid.`, "order_id");
  if (order.locationId !== payment.locationId)
    throw errors.badRequest("LOCATION_MISMATCH", "The payment's location_id must be the order's location_id.", "location_id");
  const due = order.netAmountDueMoney?.amount ?? 0n;
  if (payment.autocomplete ? payment.amount !== due : payment.amount > due) throw amountMismatch();
  return order;
}

/** The tender a payment puts on its order: id and payment_id are the payment's id. */
export function tenderFor(payment: Square.Payment): Square.Tender {
  const card = payment.cardDetails;
  const type: Square.TenderType =
    payment.sourceType === "CASH" ? "CASH" : payment.sourceType === "EXTERNAL" ? "OTHER" : card?.card?.cardBrand === "SQUARE_GIFT_CARD" ? "SQUARE_GIFT_CARD" : "CARD";
  return {
    id: payment.id,
    paymentId: payment.id,
    locationId: payment.locationId,
    transactionId: payment.orderId,
    createdAt: payment.createdAt,
    ...(payment.note ? { note: payment.note } : {}),
    amountMoney: payment.totalMoney,
    ...(payment.tipMoney ? { tipMoney: payment.tipMoney } : {}),
    ...(payment.customerId ? { customerId: payment.customerId } : {}),
    type,
    ...(card
      ? { cardDetails: { status: payment.status === "COMPLETED" ? "CAPTURED" : "AUTHORIZED", card: card.card, entryMethod: card.entryMethod as Square.TenderCardDetailsEntryMethod } }
      : {}),
    ...(payment.cashDetails ? { cashDetails: { buyerTenderedMoney: payment.cashDetails.buyerSuppliedMoney, changeBackMoney: payment.cashDetails.changeBackMoney } } : {}),
  };
}

/**
 * Brings a payment's tender on its order up to date: APPROVED card payments hold an AUTHORIZED
 * tender, COMPLETED ones a captured tender, CANCELED and FAILED ones none. A fully paid order
 * without fulfillments then completes; lines of quantity 0 are dropped as Square does on payment.
 */
export function syncTender(ctx: EmulatorContext, merchantId: string, payment: Square.Payment): Square.Order {
  const currency = sellerCurrency(ctx, merchantId);
  const stored = getOrder(ctx, merchantId, payment.orderId!);
  let order = stored;
  const own = tables(ctx.store).paymentOrders.get(merchantId, order.id!) === payment.id;
  // A payment's own order follows its amount (UpdatePayment) and is canceled with it.
  if (own) order = priced({ ...order, lineItems: order.lineItems?.map((l) => ({ ...l, basePriceMoney: payment.amountMoney })) }, currency);
  const keep = payment.status === "COMPLETED" || (payment.status === "APPROVED" && !!payment.cardDetails);
  const tenders = (order.tenders ?? []).filter((t) => t.id !== payment.id);
  if (keep) tenders.push(tenderFor(payment));
  let next = withTotals({ ...order, tenders: tenders.length ? tenders : undefined }, currency);
  const paid = next.netAmountDueMoney!.amount === 0n && !!tenders.length && tenders.every((t) => !t.cardDetails || t.cardDetails.status === "CAPTURED");
  if (paid && next.state === "OPEN" && !next.fulfillments?.length) next = closePaid(next);
  if (own && payment.status === "CANCELED" && next.state === "OPEN") next = { ...next, state: "CANCELED" };
  // Cash and external payments awaiting capture leave no tender: nothing changed, nothing to announce.
  // (The cheap checks first: serializing two orders costs more than the rest of a payment.)
  if (sameShape(next, stored) && stringify(next) === stringify(stored)) return stored;
  return commitOrder(ctx, merchantId, next);
}

/** False when two versions of an order visibly differ (state, tenders, amount due), so they need no deeper comparison. */
function sameShape(a: Square.Order, b: Square.Order): boolean {
  const tenders = (o: Square.Order) => (o.tenders ?? []).map((t) => `${t.id}:${t.cardDetails?.status ?? ""}`).join();
  return a.state === b.state && a.netAmountDueMoney?.amount === b.netAmountDueMoney?.amount && tenders(a) === tenders(b);
}

/** Whether this order is the one Square made for this payment (so it follows the payment's amount). */
export function isPaymentOrder(ctx: EmulatorContext, merchantId: string, orderId: string, paymentId: string): boolean {
  return tables(ctx.store).paymentOrders.get(merchantId, orderId) === paymentId;
}

export function closePaid(order: Square.Order): Square.Order {
  const lineItems = order.lineItems?.filter((l) => parseDecimal(l.quantity)?.n !== 0n);
  return { ...order, state: "COMPLETED", lineItems: lineItems?.length ? lineItems : undefined };
}

/**
 * Square gives every payment an order: one created without `order_id` gets an order of its own
 * holding one CUSTOM_AMOUNT line for `amount_money`. It carries no customer (only its tender
 * does) and, not being made through CreateOrder, raises no order.created.
 */
export function createPaymentOrder(ctx: EmulatorContext, merchantId: string, payment: { id: string; amountMoney: Square.Money; locationId: string }): Square.Order {
  const now = ctx.clock.iso();
  const order = priced(
    {
      id: ids.order(),
      locationId: payment.locationId,
      source: { name: ctx.config.applicationName },
      lineItems: [{ uid: ids.uid(), quantity: "1", itemType: "CUSTOM_AMOUNT", basePriceMoney: payment.amountMoney }],
      state: "OPEN",
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    sellerCurrency(ctx, merchantId),
  );
  tables(ctx.store).paymentOrders.put(merchantId, order.id!, payment.id);
  return insertOrder(ctx, merchantId, order, false);
}
