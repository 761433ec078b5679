import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { capture, voidPayment } from "../payments/payment-lifecycle";
import { paymentIdsOfOrder } from "../payments/payment-links";
import { getPayment } from "../payments/payment-store";
import { tables } from "../tables";
import { commitOrder, getOrder } from "./order-store";
import { amountMismatch, closePaid } from "./tenders";

/**
 * PayOrder: settles an order with its APPROVED (delayed-capture) payments. The listed payments
 * must add up to what is still due and are completed; other APPROVED payments on the order are
 * canceled. An order with nothing due is settled with no payments at all.
 */
export function payOrder(ctx: EmulatorContext, merchantId: string, orderId: string, r: { orderVersion?: number | null; paymentIds?: string[] | null }): Square.Order {
  const order = getOrder(ctx, merchantId, orderId);
  if (r.orderVersion !== undefined && r.orderVersion !== null && r.orderVersion !== order.version)
    throw errors.conflict("VERSION_MISMATCH", `The order is at version ${order.version}.`, "order_version");
  if (order.state !== "OPEN") throw errors.badRequest("BAD_REQUEST", `The order is ${order.state}; only OPEN orders can be paid.`, "order_id");
  const ids = r.paymentIds ?? [];
  const listed = ids.map((id, i) => {
    const payment = tables(ctx.store).payments.get(merchantId, id);
    if (!payment) throw errors.notFound(`Could not find payment with id: ${id}`, `payment_ids[${i}]`);
    if (payment.orderId !== orderId) throw errors.badRequest("BAD_REQUEST", "The payment was not made for this order.", `payment_ids[${i}]`);
    if (payment.status !== "APPROVED" && payment.status !== "COMPLETED")
      throw errors.badRequest("BAD_REQUEST", `The payment is ${payment.status}; PayOrder takes APPROVED payments.`, `payment_ids[${i}]`);
    return payment;
  });
  const approved = listed.filter((p) => p.status === "APPROVED");
  const sum = approved.reduce((s, p) => s + p.amountMoney!.amount!, 0n);
  if (sum !== (order.netAmountDueMoney?.amount ?? 0n)) throw amountMismatch("payment_ids");

  for (const payment of approved) capture(ctx, merchantId, payment);
  for (const id of paymentIdsOfOrder(ctx, merchantId, orderId)) {
    const payment = getPayment(ctx, merchantId, id);
    if (payment.status === "APPROVED" && !ids.includes(id)) voidPayment(ctx, merchantId, payment);
  }
  const settled = getOrder(ctx, merchantId, orderId);
  // With payments, capturing the last one closed the order already (unless it has fulfillments).
  if (settled.state === "OPEN" && settled.netAmountDueMoney?.amount === 0n && !settled.fulfillments?.length) return commitOrder(ctx, merchantId, closePaid(settled));
  return settled;
}
