import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { toMoney } from "./money";
import type { Payment, SquarePage } from "./types";
import { toRaw } from "./wire";

export function reshapePayment(p: Square.Payment): Payment {
  const card = p.cardDetails?.card;
  return {
    id: p.id ?? "",
    orderId: p.orderId ?? null,
    locationId: p.locationId ?? null,
    customerId: p.customerId ?? null,
    status: p.status ?? null,
    sourceType: p.sourceType ?? null,
    amount: toMoney(p.amountMoney),
    tip: toMoney(p.tipMoney),
    total: toMoney(p.totalMoney),
    refunded: toMoney(p.refundedMoney),
    cardBrand: card?.cardBrand ?? null,
    last4: card?.last4 ?? null,
    cardFingerprint: card?.fingerprint ?? null,
    buyerEmailAddress: p.buyerEmailAddress ?? null,
    receiptNumber: p.receiptNumber ?? null,
    versionToken: p.versionToken ?? null,
    createdAt: p.createdAt ?? null,
    updatedAt: p.updatedAt ?? null,
    raw: toRaw(serialization.Payment, p),
  };
}

export interface ListPaymentsParams {
  /** ListPayments covers one location per call (Square's default is the main one). */
  locationId: string;
  /** Range on created_at (inclusive). Square defaults begin_time to a year ago, so always pass it. */
  beginTime: string;
  endTime?: string;
  /** Changed at or after this (reconciliation). */
  updatedAtBeginTime?: string;
  sortField?: "CREATED_AT" | "UPDATED_AT";
  sortOrder?: "ASC" | "DESC";
  cursor?: string | null;
}

/** One page of ListPayments (100 a page). */
export async function listPayments(client: SquareClient, params: ListPaymentsParams): Promise<SquarePage<Payment>> {
  const page = await callSquare(() =>
    client.payments.list({
      locationId: params.locationId,
      beginTime: params.beginTime,
      endTime: params.endTime,
      updatedAtBeginTime: params.updatedAtBeginTime,
      sortField: params.sortField ?? "CREATED_AT",
      sortOrder: params.sortOrder ?? "ASC",
      cursor: params.cursor ?? undefined,
      limit: 100,
    }),
  );
  return { items: page.data.map(reshapePayment), cursor: page.response.cursor ?? null };
}

/** GetPayment; null when Square does not know it. */
export async function getPayment(client: SquareClient, paymentId: string): Promise<Payment | null> {
  return orNotFound(async () => {
    const res = await callSquare(() => client.payments.get({ paymentId }));
    return res.payment ? reshapePayment(res.payment) : null;
  });
}
