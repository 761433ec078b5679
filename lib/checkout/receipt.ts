import type { CheckoutAttempt } from "@/lib/db/queries/checkout-attempts";
import type { CheckoutReceipt } from "./types";

/** A completed attempt as the buyer's receipt. */
export function receiptFromAttempt(attempt: CheckoutAttempt, businessName: string): CheckoutReceipt {
  if (attempt.status !== "completed" || !attempt.paymentId) throw new Error(`Checkout attempt ${attempt.id} is not completed.`);
  return {
    attemptId: attempt.id,
    linkId: attempt.linkId ?? "",
    businessName,
    amount: { amount: attempt.amount, currency: attempt.currency },
    lines: attempt.lineItems.map((l) => ({ ...l, totalAmount: l.quantity * l.unitAmount })),
    paymentMethod: attempt.paymentMethod === "GIFT_CARD" ? "GIFT_CARD" : "CARD",
    cardBrand: attempt.cardBrand,
    cardLast4: attempt.cardLast4,
    receiptNumber: attempt.receiptNumber,
    receiptUrl: attempt.receiptUrl,
    paymentId: attempt.paymentId,
    cardSaved: attempt.cardId !== null,
    cardSaveError: attempt.cardSaveError,
    paidAt: (attempt.completedAt ?? attempt.updatedAt).toISOString(),
  };
}
