import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { scheduleAssignment } from "../assignment/assign-customer";
import { settleRedemption } from "../gift-cards/redeem";
import { getOrder } from "../orders/order-store";
import { amountMismatch, isPaymentOrder, syncTender } from "../orders/tenders";
import { tables } from "../tables";
import { receiptUrl } from "./build-payment";
import { checkVersionToken, getPayment, savePayment } from "./payment-store";
import { checkMoney, money, sellerCurrency } from "./seller-checks";

const requireApproved = (payment: Square.Payment, action: string) => {
  if (payment.status !== "APPROVED") throw errors.badRequest("BAD_REQUEST", `Only APPROVED payments can be ${action}; this one is ${payment.status}.`);
};

/** CompletePayment: captures an APPROVED payment. Against an order it must settle what is still due. */
export function completePayment(ctx: EmulatorContext, merchantId: string, id: string, versionToken?: string | null): Square.Payment {
  const payment = applyDelayAction(ctx, merchantId, getPayment(ctx, merchantId, id));
  requireApproved(payment, "completed");
  checkVersionToken(payment, versionToken);
  if (payment.orderId && !isPaymentOrder(ctx, merchantId, payment.orderId, payment.id!)) {
    const due = getOrder(ctx, merchantId, payment.orderId).netAmountDueMoney?.amount ?? 0n;
    if (payment.amountMoney!.amount !== due) throw amountMismatch();
  }
  return capture(ctx, merchantId, payment);
}

/** The capture itself (CompletePayment, PayOrder, a COMPLETE delay action). */
export function capture(ctx: EmulatorContext, merchantId: string, payment: Square.Payment): Square.Payment {
  const now = ctx.clock.iso();
  settleRedemption(ctx, merchantId, payment.id!, "COMPLETED");
  const card = payment.cardDetails;
  const completed = savePayment(
    ctx,
    merchantId,
    {
      ...payment,
      status: "COMPLETED",
      receiptUrl: receiptUrl(payment.id!),
      capabilities: [],
      ...(card ? { cardDetails: { ...card, status: "CAPTURED", cardPaymentTimeline: { ...card.cardPaymentTimeline, capturedAt: now } } } : {}),
    },
    "payment.updated",
  );
  if (completed.orderId) syncTender(ctx, merchantId, completed);
  if (!completed.customerId) scheduleAssignment(ctx, merchantId, completed.id!);
  return completed;
}

/** CancelPayment: voids an APPROVED payment; its held gift card money goes back, its tender leaves the order. */
export function cancelPayment(ctx: EmulatorContext, merchantId: string, id: string): Square.Payment {
  const payment = applyDelayAction(ctx, merchantId, getPayment(ctx, merchantId, id));
  requireApproved(payment, "canceled");
  return voidPayment(ctx, merchantId, payment);
}

export function voidPayment(ctx: EmulatorContext, merchantId: string, payment: Square.Payment): Square.Payment {
  settleRedemption(ctx, merchantId, payment.id!, "CANCELED");
  const card = payment.cardDetails;
  const { receiptNumber: _receipt, ...rest } = payment;
  const canceled = savePayment(
    ctx,
    merchantId,
    {
      ...rest,
      status: "CANCELED",
      capabilities: [],
      ...(card ? { cardDetails: { ...card, status: "VOIDED", cardPaymentTimeline: { ...card.cardPaymentTimeline, voidedAt: ctx.clock.iso() } } } : {}),
    },
    "payment.updated",
  );
  if (canceled.orderId) syncTender(ctx, merchantId, canceled);
  return canceled;
}

/** CancelPaymentByIdempotencyKey: voids what CreatePayment made with that key, if anything; never fails. */
export function cancelByIdempotencyKey(ctx: EmulatorContext, merchantId: string, key: string) {
  const seen = tables(ctx.store).idempotency.get(merchantId, `CreatePayment:${key}`);
  const paymentId = (seen?.body as { payment?: { id?: string } } | undefined)?.payment?.id;
  const payment = paymentId ? tables(ctx.store).payments.get(merchantId, paymentId) : undefined;
  if (payment?.status === "APPROVED") voidPayment(ctx, merchantId, payment);
}

/** UpdatePayment: the amount or tip of an APPROVED payment (within what its order still allows). */
export function updatePayment(ctx: EmulatorContext, merchantId: string, id: string, patch: Square.Payment): Square.Payment {
  const payment = applyDelayAction(ctx, merchantId, getPayment(ctx, merchantId, id));
  const allowed = new Set(["amountMoney", "tipMoney", "appFeeMoney", "versionToken", "delayAction"]);
  const extra = Object.keys(patch).find((k) => !allowed.has(k) && patch[k as keyof Square.Payment] !== undefined);
  if (extra) throw errors.badRequest("BAD_REQUEST", `\`payment.${extra.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}\` cannot be updated.`, `payment.${extra}`);
  requireApproved(payment, "updated");
  checkVersionToken(payment, patch.versionToken);
  const currency = sellerCurrency(ctx, merchantId);
  checkMoney(patch.amountMoney, "payment.amount_money", currency, { positive: true });
  checkMoney(patch.tipMoney, "payment.tip_money", currency);
  const moneyChange = patch.amountMoney || patch.tipMoney;
  if (moneyChange && payment.cardDetails?.card?.cardBrand === "SQUARE_GIFT_CARD")
    throw errors.badRequest("BAD_REQUEST", "The local Square cannot change the amount of a gift card payment.", "payment.amount_money");
  const amount = patch.amountMoney?.amount ?? payment.amountMoney!.amount!;
  const tip = patch.tipMoney?.amount ?? payment.tipMoney?.amount ?? 0n;
  if (payment.orderId && patch.amountMoney && !isPaymentOrder(ctx, merchantId, payment.orderId, payment.id!)) {
    const order = getOrder(ctx, merchantId, payment.orderId);
    if (amount > (order.netAmountDueMoney?.amount ?? 0n)) throw amountMismatch("payment.amount_money");
  }
  const total = money(amount + tip, currency);
  const updated = savePayment(
    ctx,
    merchantId,
    {
      ...payment,
      amountMoney: money(amount, currency),
      ...(patch.tipMoney || payment.tipMoney ? { tipMoney: money(tip, currency) } : {}),
      totalMoney: total,
      approvedMoney: total,
      ...(patch.appFeeMoney ? { appFeeMoney: patch.appFeeMoney } : {}),
      ...(patch.delayAction ? { delayAction: patch.delayAction } : {}),
    },
    "payment.updated",
  );
  if (updated.orderId) syncTender(ctx, merchantId, updated);
  return updated;
}

/**
 * Delayed capture: an APPROVED payment left past `delayed_until` gets its `delay_action`. The
 * local Square applies it the next time the payment is read or changed.
 */
export function applyDelayAction(ctx: EmulatorContext, merchantId: string, payment: Square.Payment): Square.Payment {
  if (payment.status !== "APPROVED" || !payment.delayedUntil || Date.parse(payment.delayedUntil) > ctx.clock.nowMs()) return payment;
  return payment.delayAction === "COMPLETE" ? capture(ctx, merchantId, payment) : voidPayment(ctx, merchantId, payment);
}
