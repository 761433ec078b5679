import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import type { SquareErrorItem } from "../../http/errors";
import { ids } from "../../ids";
import { GLOBAL } from "../../store/store";
import { tables } from "../tables";
import type { CheckedPayment } from "./payment-checks";
import type { PaymentSource } from "./payment-source";
import { newVersionToken } from "./payment-store";
import { money } from "./seller-checks";

export const RECEIPT_ORIGIN = "https://squareupsandbox.com";
const APPROVED_CAPABILITIES = ["EDIT_AMOUNT_UP", "EDIT_AMOUNT_DOWN", "EDIT_TIP_AMOUNT_UP", "EDIT_TIP_AMOUNT_DOWN", "EDIT_DELAY_ACTION"];
const CASH_CAPABILITIES = ["EDIT_TIP_AMOUNT", "EDIT_TIP_AMOUNT_UP", "EDIT_TIP_AMOUNT_DOWN"];

export interface NewPayment {
  id: string;
  status: "COMPLETED" | "APPROVED" | "FAILED";
  orderId?: string;
  errors?: SquareErrorItem[];
}

/** The Payment object CreatePayment answers with, in Square's shape for each kind of source. */
export function buildPayment(
  ctx: EmulatorContext,
  merchantId: string,
  applicationId: string,
  r: Square.CreatePaymentRequest,
  checked: CheckedPayment,
  source: PaymentSource,
  next: NewPayment,
): Square.Payment {
  const now = ctx.clock.iso();
  const m = (amount: bigint) => money(amount, checked.currency);
  const total = checked.amount + checked.tip;
  const failed = next.status === "FAILED";
  const isCard = source.kind === "CARD" || source.kind === "GIFT_CARD";
  const payment: Square.Payment = {
    id: next.id,
    createdAt: now,
    updatedAt: now,
    amountMoney: m(checked.amount),
    ...(r.tipMoney ? { tipMoney: r.tipMoney } : {}),
    totalMoney: m(total),
    ...(r.appFeeMoney ? { appFeeMoney: r.appFeeMoney } : {}),
    ...(failed ? {} : { approvedMoney: m(total) }),
    status: next.status,
    sourceType: isCard ? "CARD" : source.kind,
    locationId: checked.locationId,
    ...(next.orderId ? { orderId: next.orderId } : {}),
    ...pick(r, ["referenceId", "customerId", "teamMemberId", "buyerEmailAddress", "billingAddress", "shippingAddress", "note", "statementDescriptionIdentifier"]),
    ...(failed ? {} : { receiptNumber: next.id.slice(0, 4) }),
    ...(next.status === "COMPLETED" ? { receiptUrl: receiptUrl(next.id) } : {}),
    applicationDetails: { squareProduct: "ECOMMERCE_API", applicationId },
    isOfflinePayment: false,
    versionToken: newVersionToken(),
  };
  if (source.kind === "CASH") {
    const supplied = r.cashDetails!.buyerSuppliedMoney;
    payment.cashDetails = { buyerSuppliedMoney: supplied, changeBackMoney: m(supplied.amount! - total) };
    payment.capabilities = CASH_CAPABILITIES;
  } else if (source.kind === "EXTERNAL") {
    payment.externalDetails = r.externalDetails;
    payment.capabilities = [];
  } else {
    payment.cardDetails = cardDetails(ctx, merchantId, source, next, now);
    payment.delayDuration = checked.delayDuration;
    payment.delayAction = checked.delayAction;
    payment.delayedUntil = new Date(Date.parse(now) + checked.delayMs).toISOString();
    payment.capabilities = next.status === "APPROVED" ? APPROVED_CAPABILITIES : [];
    if (source.kind === "CARD") payment.riskEvaluation = { createdAt: now, riskLevel: riskLevel(checked.amount) };
  }
  return payment;
}

export const receiptUrl = (paymentId: string) => `${RECEIPT_ORIGIN}/receipt/preview/${paymentId}`;

/** Square's sandbox risk simulation: 2222 → MODERATE, 3333 → HIGH (minor units of amount_money). */
function riskLevel(amount: bigint): Square.RiskEvaluationRiskLevel {
  return amount === 2222n ? "MODERATE" : amount === 3333n ? "HIGH" : "NORMAL";
}

function cardDetails(ctx: EmulatorContext, merchantId: string, source: Extract<PaymentSource, { card: Square.Card }>, next: NewPayment, now: string): Square.CardPaymentDetails {
  const keyed = source.entryMethod === "KEYED" && source.kind === "CARD";
  const code = next.errors?.[0]?.code;
  const business = tables(ctx.store).merchants.get(GLOBAL, merchantId)?.businessName ?? "";
  return {
    status: next.status === "COMPLETED" ? "CAPTURED" : next.status === "APPROVED" ? "AUTHORIZED" : "FAILED",
    card: source.card,
    entryMethod: source.entryMethod,
    cvvStatus: !keyed ? "CVV_NOT_CHECKED" : code === "CVV_FAILURE" ? "CVV_REJECTED" : "CVV_ACCEPTED",
    avsStatus: !keyed ? "AVS_NOT_CHECKED" : code === "ADDRESS_VERIFICATION_FAILURE" ? "AVS_REJECTED" : "AVS_ACCEPTED",
    ...(next.status === "FAILED" ? {} : { authResultCode: ids.uid().slice(0, 6).toUpperCase() }),
    statementDescription: `SQ *${business.toUpperCase()}`.slice(0, 22),
    ...(next.status === "FAILED" ? {} : { cardPaymentTimeline: { authorizedAt: now, ...(next.status === "COMPLETED" ? { capturedAt: now } : {}) } }),
    ...(next.errors ? { errors: next.errors as Square.Error_[] } : {}),
  };
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (source[k] !== undefined && source[k] !== null) out[k] = source[k];
  return out;
}
