import "server-only";
import type { SquareClient } from "square";
import { declineReason } from "@/lib/checkout/declines";
import { paymentKey } from "@/lib/checkout/keys";
import type { CustomerProfile } from "@/lib/db/queries/customer-profile";
import { getCustomerCard } from "@/lib/db/queries/customer-cards";
import { listCustomerGiftCards } from "@/lib/db/queries/customer-gift-cards";
import { AppError } from "@/lib/errors";
import { amountDue } from "@/lib/square/checkout-orders";
import { isDeclined, receiptUrlOf } from "@/lib/square/checkout-payments";
import { createOnFilePayment } from "@/lib/square/customer-orders";
import { payOrderOnce } from "@/lib/square/pay-order-once";
import { getGiftCard } from "@/lib/square/gift-cards";
import { getOrder } from "@/lib/square/orders";
import type { Order } from "@/lib/square/types";
import type { ChargeDeclined, ChargeReceipt } from "./charge-types";
import type { CustomerOpsContext } from "./context";
import { auditWrite, mirrorSquareAnswer } from "./record";
import { declineSentence, sellerMessage } from "./seller-messages";

export interface OnFileSource {
  sourceId: string;
  kind: "CARD" | "GIFT_CARD";
  /** The customer id the payment names: Square wants one the card or gift card is on file under. */
  customerId: string;
}

/** The card or gift card to charge, if it is this customer's, enabled (or active with a balance), in the mirror. */
export async function onFileSource(ctx: CustomerOpsContext, customer: CustomerProfile, sourceId: string): Promise<OnFileSource> {
  const params = { merchantId: ctx.seller.merchantId, customerId: customer.id };
  if (sourceId.startsWith("ccof:")) {
    const card = await getCustomerCard(ctx.db, { ...params, cardId: sourceId });
    if (!card) throw new AppError("NOT_FOUND", "This customer has no such card on file.");
    if (!card.enabled) throw new AppError("INVALID_INPUT", sellerMessage("INVALID_CARD", "charge")!, { field: "sourceId" });
    return { sourceId, kind: "CARD", customerId: customer.id };
  }
  const giftCard = (await listCustomerGiftCards(ctx.db, params)).find((g) => g.id === sourceId);
  if (!giftCard) throw new AppError("NOT_FOUND", "This gift card is not on file for this customer.");
  if (giftCard.state !== "ACTIVE") throw new AppError("INVALID_INPUT", sellerMessage("INVALID_CARD", "gift-card")!, { field: "sourceId" });
  if (giftCard.balance.amount <= 0) throw new AppError("INVALID_INPUT", "This gift card has no balance left.", { field: "sourceId" });
  return { sourceId, kind: "GIFT_CARD", customerId: giftCard.linkedAs };
}

export interface PayOnFileParams {
  client: SquareClient;
  customer: CustomerProfile;
  order: Order;
  source: OnFileSource;
  attemptId: string;
  note: string | null;
  fetchedAt: Date;
}

/**
 * Pays the order's amount due from the card or gift card on file. The payment's key is the attempt
 * plus the source: the same click twice replays, another source after a decline pays the same order.
 */
export async function payOrderOnFile(ctx: CustomerOpsContext, p: PayOnFileParams): Promise<ChargeReceipt | ChargeDeclined> {
  const { client, order, source } = p;
  const due = amountDue(order);
  if (!due || due.amount <= 0) throw new AppError("INVALID_INPUT", "Nothing is due on this order.");
  const paid = await payOrderOnce(client, order.id, () =>
    createOnFilePayment(client, {
      idempotencyKey: paymentKey(p.attemptId, source.sourceId),
      sourceId: source.sourceId,
      amount: due,
      orderId: order.id,
      customerId: source.customerId,
      locationId: order.locationId!,
      note: p.note,
    }),
  );
  if (isDeclined(paid)) {
    await mirrorSquareAnswer(ctx, { fetchedAt: p.fetchedAt, orders: [order], payments: paid.payment ? [paid.payment] : [] });
    await auditWrite(ctx, "charge.declined", [order.id, p.customer.id, source.sourceId, ...(paid.payment ? [paid.payment.id] : [])], { codes: paid.codes, amount: due.amount, currency: due.currency });
    const disabled = paid.codes.includes("INVALID_CARD");
    return {
      ok: false,
      code: "DECLINED",
      reason: disabled ? "disabled" : declineReason(paid.codes),
      message: disabled ? sellerMessage("INVALID_CARD", source.kind === "GIFT_CARD" ? "gift-card" : "charge")! : declineSentence(paid.codes, source.kind),
      orderId: order.id,
      squareCodes: paid.codes,
    };
  }
  // Square's answers after the payment: the order is paid, a gift card's balance went down.
  const [fresh, giftCard] = await Promise.all([getOrder(client, order.id), source.kind === "GIFT_CARD" ? getGiftCard(client, source.sourceId) : null]);
  await mirrorSquareAnswer(ctx, { fetchedAt: p.fetchedAt, orders: [fresh ?? order], payments: [paid], giftCards: giftCard ? [giftCard] : [] });
  await auditWrite(ctx, "charge.paid", [paid.id, order.id, p.customer.id, source.sourceId], { amount: due.amount, currency: due.currency, note: p.note });
  return {
    paymentId: paid.id,
    orderId: order.id,
    amount: paid.total ?? due,
    receiptNumber: paid.receiptNumber,
    receiptUrl: receiptUrlOf(paid),
    cardBrand: paid.cardBrand,
    last4: paid.last4,
  };
}

