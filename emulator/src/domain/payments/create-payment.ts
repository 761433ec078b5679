import type { Square } from "square";
import type { Caller, EmulatorContext } from "../../context";
import { SquareApiError, type SquareErrorItem } from "../../http/errors";
import { ids } from "../../ids";
import { scheduleAssignment } from "../assignment/assign-customer";
import { ensureVerified } from "../cards-verification";
import { giftCardDecline, redeemForPayment } from "../gift-cards/redeem";
import { checkOrderForPayment, createPaymentOrder, syncTender } from "../orders/tenders";
import { takePaymentToken } from "../payment-tokens";
import { buildPayment } from "./build-payment";
import { checkPaymentRequest } from "./payment-checks";
import { resolveSource, type PaymentSource } from "./payment-source";
import { paymentWire, savePayment } from "./payment-store";

/**
 * CreatePayment. Request problems are thrown before anything is used up; a decline stores a
 * FAILED payment and answers it next to the errors (as Square does), so an idempotent replay
 * gives the same answer and charges nothing twice.
 */
export function createPayment(ctx: EmulatorContext, caller: Caller, r: Square.CreatePaymentRequest): Square.Payment {
  const { merchantId } = caller;
  const checked = checkPaymentRequest(ctx, merchantId, r);
  const source = resolveSource(ctx, merchantId, r);
  if (source.kind === "CASH" && r.cashDetails!.buyerSuppliedMoney.amount! < checked.amount + checked.tip)
    throw new SquareApiError(400, [{ category: "INVALID_REQUEST_ERROR", code: "VALUE_TOO_LOW", detail: "buyer_supplied_money must cover the payment total.", field: "cash_details.buyer_supplied_money.amount" }]);
  if (r.orderId) checkOrderForPayment(ctx, merchantId, r.orderId, { amount: checked.amount, locationId: checked.locationId, autocomplete: checked.autocomplete });
  const verificationDecline = "card" in source ? verify(ctx, merchantId, r, source) : undefined;

  const id = ids.payment();
  if ("token" in source && source.token) takePaymentToken(ctx, merchantId, r.sourceId, id);
  const declined = verificationDecline ?? declineFor(source, checked.amount + checked.tip);
  if (declined) {
    // Square keeps the order (and customer) a declined payment was for; the order is left unpaid.
    const failed = buildPayment(ctx, merchantId, caller.applicationId, r, checked, source, { id, status: "FAILED", errors: [declined], orderId: r.orderId });
    savePayment(ctx, merchantId, failed, "payment.created");
    throw new SquareApiError(400, [declined], { payment: paymentWire(failed) });
  }

  const status = checked.autocomplete ? "COMPLETED" : "APPROVED";
  if (source.kind === "GIFT_CARD") {
    const amount = { amount: checked.amount + checked.tip, currency: checked.currency };
    redeemForPayment(ctx, merchantId, source.giftCard!, { id, amount, locationId: checked.locationId, pending: !checked.autocomplete });
  }
  const orderId = r.orderId ?? createPaymentOrder(ctx, merchantId, { id, amountMoney: r.amountMoney!, locationId: checked.locationId }).id!;
  const payment = buildPayment(ctx, merchantId, caller.applicationId, r, checked, source, { id, status, orderId });
  savePayment(ctx, merchantId, payment, "payment.created");
  syncTender(ctx, merchantId, payment);
  if (status === "COMPLETED" && !payment.customerId) scheduleAssignment(ctx, merchantId, id);
  return payment;
}

/** A card that needs buyer verification and has none is declined; a bad verification_token is a request error. */
function verify(ctx: EmulatorContext, merchantId: string, r: Square.CreatePaymentRequest, source: Extract<PaymentSource, { card: Square.Card }>) {
  try {
    ensureVerified(ctx, merchantId, { id: r.sourceId, requiresVerification: source.requiresVerification, verified: source.verified }, r.verificationToken);
    return undefined;
  } catch (err) {
    if (err instanceof SquareApiError && err.errors[0]?.category === "PAYMENT_METHOD_ERROR") return err.errors[0];
    throw err;
  }
}

/** The documented decline of a sandbox value or test card, or a gift card that cannot pay. */
function declineFor(source: PaymentSource, total: bigint): SquareErrorItem | undefined {
  if (!("card" in source)) return undefined;
  const forced = source.outcome && source.outcome.on !== "store" ? source.outcome : undefined;
  if (forced) {
    // A used token is a request problem, not a decline: nothing was attempted.
    if (forced.code === "CARD_TOKEN_USED") throw new SquareApiError(400, [{ category: forced.category, code: forced.code, detail: forced.detail, field: "source_id" }]);
    return { category: forced.category, code: forced.code, detail: forced.detail };
  }
  const giftCard = source.kind === "GIFT_CARD" ? giftCardDecline(source.giftCard!, total) : undefined;
  return giftCard ? { category: "PAYMENT_METHOD_ERROR", code: giftCard.code, detail: giftCard.detail } : undefined;
}
