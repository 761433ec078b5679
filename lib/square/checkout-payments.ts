import "server-only";
import { serialization, SquareError, type Square, type SquareClient } from "square";
import type { PaymentDeclined } from "./checkout-types";
import { callSquare } from "./errors";
import { toSquareMoney } from "./money";
import { reshapePayment } from "./payments";
import type { Money, Payment } from "./types";

export interface CreateCheckoutPaymentParams {
  idempotencyKey: string;
  sourceId: string;
  verificationToken?: string;
  amount: Money;
  orderId: string;
  customerId: string;
  locationId: string;
  buyerEmail: string | null;
  buyerPhone: string | null;
  referenceId: string;
}

/**
 * CreatePayment for the order's amount due. A decline is an answer, not an exception: Square's codes
 * come back with the FAILED payment it recorded. Anything else Square refuses throws an AppError.
 */
export async function createCheckoutPayment(client: SquareClient, params: CreateCheckoutPaymentParams): Promise<Payment | PaymentDeclined> {
  const request: Square.CreatePaymentRequest = {
    idempotencyKey: params.idempotencyKey,
    sourceId: params.sourceId,
    verificationToken: params.verificationToken,
    amountMoney: toSquareMoney(params.amount),
    orderId: params.orderId,
    customerId: params.customerId,
    locationId: params.locationId,
    buyerEmailAddress: params.buyerEmail ?? undefined,
    buyerPhoneNumber: params.buyerPhone ?? undefined,
    referenceId: params.referenceId,
    autocomplete: true,
    customerDetails: { customerInitiated: true, sellerKeyedIn: false },
  };
  try {
    const res = await client.payments.create(request);
    if (!res.payment?.id) throw new Error("CreatePayment returned no payment.");
    return reshapePayment(res.payment);
  } catch (err) {
    return asDecline(err) ?? callSquare(() => Promise.reject(err));
  }
}

export const isDeclined = (r: Payment | PaymentDeclined): r is PaymentDeclined => "declined" in r;

/** The receipt page Square hosts for a completed payment (not in Patron's Payment shape). */
export const receiptUrlOf = (payment: Payment): string | null => (typeof payment.raw.receipt_url === "string" ? payment.raw.receipt_url : null);

/** Errors about the card itself (some come as INVALID_REQUEST_ERROR): the buyer's to fix with another card. */
const BUYER_CAN_FIX = new Set([
  "CARD_TOKEN_USED",
  "CARD_TOKEN_EXPIRED",
  "SOURCE_USED",
  "SOURCE_EXPIRED",
  "INVALID_CARD_DATA",
  "INVALID_CARD",
  "INVALID_EXPIRATION",
  "INVALID_POSTAL_CODE",
  "CARD_EXPIRED",
]);

/** A decline: a payment-method error, a card error, or any refusal that came with a FAILED payment. */
export function asDecline(err: unknown): PaymentDeclined | null {
  if (!(err instanceof SquareError) || err.statusCode === undefined || err.statusCode >= 500) return null;
  const first = err.errors[0];
  const body = err.body as { payment?: { status?: unknown } } | undefined;
  const failed = body?.payment?.status === "FAILED";
  if (!first || (!failed && first.category !== "PAYMENT_METHOD_ERROR" && !BUYER_CAN_FIX.has(first.code))) return null;
  const parsed = body?.payment ? serialization.Payment.parse(body.payment, { unrecognizedObjectKeys: "passthrough", skipValidation: true }) : undefined;
  return {
    declined: true,
    codes: err.errors.map((e) => e.code),
    detail: first.detail ?? null,
    payment: parsed?.ok && parsed.value.id ? reshapePayment(parsed.value) : null,
  };
}
