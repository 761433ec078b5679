import "server-only";
import type { SquareClient } from "square";
import { recordAudit } from "@/lib/db/queries/audit-log";
import { updateCheckoutAttempt, type CheckoutAttempt } from "@/lib/db/queries/checkout-attempts";
import type { PublicCheckoutLink } from "@/lib/db/queries/checkout-links";
import { isAppError } from "@/lib/errors";
import { amountDue, createCheckoutOrder } from "@/lib/square/checkout-orders";
import { createCheckoutPayment, isDeclined, receiptUrlOf } from "@/lib/square/checkout-payments";
import { payOrderOnce } from "@/lib/square/pay-order-once";
import type { CheckoutSubmission } from "@/lib/validations/checkout";
import type { Buyer } from "./buyer";
import { saveCardStep } from "./card-step";
import { findOrCreateCustomer } from "./customer-step";
import { declineMessage, declineReason } from "./declines";
import type { CheckoutDeps } from "./deps";
import { orderKey, paymentKey } from "./keys";
import { recordCheckoutInMirror, type CheckoutObjects } from "./mirror";
import { receiptFromAttempt } from "./receipt";
import type { CheckoutOutcome, RequestMeta } from "./types";

export interface PayAttemptParams {
  deps: CheckoutDeps;
  client: SquareClient;
  link: PublicCheckoutLink;
  attempt: CheckoutAttempt;
  buyer: Buyer;
  input: CheckoutSubmission;
  meta: RequestMeta;
}

/**
 * The Square side of one submission. Each step's result is stored on the attempt before the next
 * step starts, and each write's idempotency key comes from the attempt, so a retry picks up where
 * the last one stopped and Square replays whatever was already done.
 */
export async function payAttempt(p: PayAttemptParams): Promise<CheckoutOutcome> {
  const { deps, client, link, buyer, input } = p;
  const db = deps.db;
  const objects: CheckoutObjects = { fetchedAt: new Date(), customer: null, order: null, payment: null, card: null };
  const saveCard = input.saveCard && link.offerSaveCard;
  let attempt = p.attempt.saveCardRequested === saveCard ? p.attempt : await updateCheckoutAttempt(db, p.attempt.id, { saveCardRequested: saveCard });

  if (!attempt.customerId) {
    let step;
    try {
      step = await findOrCreateCustomer(db, client, link, buyer, attempt.identityKey);
    } catch (err) {
      const field = isAppError(err, "INVALID_INPUT") ? { INVALID_EMAIL_ADDRESS: "email", INVALID_PHONE_NUMBER: "phone" }[err.squareCode ?? ""] : undefined;
      if (!field) throw err;
      return { ok: false, code: "INVALID_INPUT", message: "Check the highlighted fields.", fieldErrors: { [field]: [`Square did not accept this ${field === "email" ? "email address" : "phone number"}.`] } };
    }
    objects.customer = step.created;
    attempt = await updateCheckoutAttempt(db, attempt.id, { customerId: step.customerId });
  }
  const customerId = attempt.customerId!;

  if (!attempt.orderId) {
    const order = await createCheckoutOrder(client, {
      idempotencyKey: orderKey(attempt.id),
      locationId: link.locationId,
      customerId,
      referenceId: attempt.id,
      lines: attempt.lineItems.map((l) => ({ name: l.name, quantity: l.quantity, unitPrice: { amount: l.unitAmount, currency: attempt.currency } })),
      metadata: { patron_checkout_link: link.id, patron_checkout_attempt: attempt.id },
    });
    // The buyer was shown Patron's price; Square adding taxes or discounts of its own would change it.
    const due = amountDue(order);
    if (due?.amount !== attempt.amount || due.currency !== attempt.currency)
      return { ok: false, code: "UNAVAILABLE", message: `${link.businessName}'s price for this order differs at Square. Please contact them.` };
    objects.order = order;
    attempt = await updateCheckoutAttempt(db, attempt.id, { orderId: order.id });
  }
  const orderId = attempt.orderId!;

  const paid = await payOrderOnce(client, orderId, () =>
    createCheckoutPayment(client, {
      idempotencyKey: paymentKey(attempt.id, input.sourceId),
      sourceId: input.sourceId,
      verificationToken: input.verificationToken,
      amount: { amount: attempt.amount, currency: attempt.currency },
      orderId,
      customerId,
      locationId: link.locationId,
      buyerEmail: buyer.email,
      buyerPhone: buyer.phone,
      referenceId: attempt.id,
    }),
  );
  if (isDeclined(paid)) {
    const method = paid.payment?.cardBrand === "SQUARE_GIFT_CARD" ? "GIFT_CARD" : "CARD";
    const reason = declineReason(paid.codes);
    await updateCheckoutAttempt(db, attempt.id, { status: "declined", lastDeclineCode: paid.codes[0] ?? null });
    await mirror(db, link.merchantId, { ...objects, payment: paid.payment });
    return { ok: false, code: "DECLINED", reason, message: declineMessage(reason, method), squareCodes: paid.codes };
  }
  if (paid.status !== "COMPLETED") throw new Error(`Payment ${paid.id} is ${paid.status}, expected COMPLETED.`);

  const paymentMethod = paid.cardBrand === "SQUARE_GIFT_CARD" ? "GIFT_CARD" : "CARD";
  const card = attempt.saveCardRequested && paymentMethod === "CARD" && !attempt.cardId ? await saveCardStep(p, attempt, paid, customerId) : null;
  objects.card = card?.card ?? null;
  attempt = await updateCheckoutAttempt(db, attempt.id, {
    status: "completed",
    paymentId: paid.id,
    paymentMethod,
    cardBrand: paid.cardBrand,
    cardLast4: paid.last4,
    receiptNumber: paid.receiptNumber,
    receiptUrl: receiptUrlOf(paid),
    lastDeclineCode: null,
    completedAt: new Date(),
    ...(card?.error ? { cardSaveError: card.error } : {}),
  });

  await mirror(db, link.merchantId, { ...objects, payment: paid });
  await recordAudit(db, {
    merchantId: link.merchantId,
    actor: "buyer",
    action: "checkout.paid",
    objectIds: [paid.id, orderId, customerId],
    details: { linkId: link.id, attemptId: attempt.id, amount: attempt.amount, currency: attempt.currency, cardSaved: attempt.cardId !== null },
  });
  return { ok: true, receipt: receiptFromAttempt(attempt, link.businessName), replayed: false };
}

/** The payment already happened at Square: a mirror write that fails is repaired by the webhooks and reconciliation. */
async function mirror(db: CheckoutDeps["db"], merchantId: string, objects: CheckoutObjects) {
  try {
    await recordCheckoutInMirror(db, merchantId, objects);
  } catch (err) {
    console.error(`Checkout: could not write to the mirror of ${merchantId} (the sync will catch up):`, err);
  }
}
