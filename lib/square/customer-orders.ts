import "server-only";
import type { SquareClient } from "square";
import { asDecline } from "./checkout-payments";
import type { PaymentDeclined } from "./checkout-types";
import { callSquare } from "./errors";
import { toSquareMoney } from "./money";
import { reshapeOrder } from "./orders";
import { reshapePayment } from "./payments";
import type { Money, Order, Payment } from "./types";

export interface CustomerOrderLine {
  name: string;
  /** Square's decimal string, e.g. "2". */
  quantity: string;
  unitPrice: Money;
  itemType: "ITEM" | "CUSTOM_AMOUNT";
  note?: string | null;
}

export interface CreateCustomerOrderParams {
  idempotencyKey: string;
  locationId: string;
  customerId: string;
  lines: CustomerOrderLine[];
  /** At most 40 characters. */
  referenceId?: string;
}

/** CreateOrder with ad hoc lines, linked to the customer; it stays OPEN until paid. */
export async function createCustomerOrder(client: SquareClient, params: CreateCustomerOrderParams): Promise<Order> {
  const res = await callSquare(() =>
    client.orders.create({
      idempotencyKey: params.idempotencyKey,
      order: {
        locationId: params.locationId,
        customerId: params.customerId,
        referenceId: params.referenceId,
        lineItems: params.lines.map((l) => ({
          name: l.name,
          quantity: l.quantity,
          basePriceMoney: toSquareMoney(l.unitPrice),
          itemType: l.itemType,
          ...(l.note ? { note: l.note } : {}),
        })),
      },
    }),
  );
  if (!res.order?.id) throw new Error("CreateOrder returned no order.");
  return reshapeOrder(res.order);
}

export interface OnFilePaymentParams {
  /** At most 45 characters. */
  idempotencyKey: string;
  /** A card on file (ccof:…) or a gift card on file (gftc:…). */
  sourceId: string;
  amount: Money;
  orderId: string;
  customerId: string;
  locationId: string;
  note?: string | null;
}

/**
 * CreatePayment from a card or gift card on file, for the order's amount due. The seller starts it
 * with the customer's standing permission, so it is not customer-initiated. A decline is an answer
 * (Square's codes and the FAILED payment); other refusals throw an AppError.
 */
export async function createOnFilePayment(client: SquareClient, params: OnFilePaymentParams): Promise<Payment | PaymentDeclined> {
  try {
    const res = await client.payments.create({
      idempotencyKey: params.idempotencyKey,
      sourceId: params.sourceId,
      amountMoney: toSquareMoney(params.amount),
      orderId: params.orderId,
      customerId: params.customerId,
      locationId: params.locationId,
      autocomplete: true,
      ...(params.note ? { note: params.note } : {}),
      customerDetails: { customerInitiated: false, sellerKeyedIn: false },
    });
    if (!res.payment?.id) throw new Error("CreatePayment returned no payment.");
    return reshapePayment(res.payment);
  } catch (err) {
    return asDecline(err) ?? callSquare(() => Promise.reject(err));
  }
}
