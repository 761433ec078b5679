import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { moneyFromWire } from "./money";
import type { Payment, RawObject, SquarePage } from "./types";
import { rawObject, toRaw } from "./wire";
import { requestWire } from "./wire-request";

/** A payment in Square's wire form as Patron keeps it (`raw` is that object itself). */
export function paymentFromWire(p: serialization.Payment.Raw): Payment {
  const card = p.card_details?.card;
  return {
    id: p.id ?? "",
    orderId: p.order_id ?? null,
    locationId: p.location_id ?? null,
    customerId: p.customer_id ?? null,
    status: p.status ?? null,
    sourceType: p.source_type ?? null,
    amount: moneyFromWire(p.amount_money),
    tip: moneyFromWire(p.tip_money),
    total: moneyFromWire(p.total_money),
    refunded: moneyFromWire(p.refunded_money),
    cardBrand: card?.card_brand ?? null,
    last4: card?.last_4 ?? null,
    cardFingerprint: card?.fingerprint ?? null,
    buyerEmailAddress: p.buyer_email_address ?? null,
    receiptNumber: p.receipt_number ?? null,
    versionToken: p.version_token ?? null,
    createdAt: p.created_at ?? null,
    updatedAt: p.updated_at ?? null,
    raw: rawObject(p),
  };
}

/** A payment the SDK returned. */
export const reshapePayment = (p: Square.Payment): Payment => paymentFromWire(toRaw(serialization.Payment, p));

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
  /** 1–100 (the default). */
  limit?: number;
}

/** One page of ListPayments (100 a page), read as wire JSON (wire-request.ts). */
export async function listPayments(client: SquareClient, params: ListPaymentsParams): Promise<SquarePage<Payment>> {
  const page = await requestWire<serialization.ListPaymentsResponse.Raw>(client, "/v2/payments", {
    method: "GET",
    query: {
      location_id: params.locationId,
      begin_time: params.beginTime,
      end_time: params.endTime,
      updated_at_begin_time: params.updatedAtBeginTime,
      sort_field: params.sortField ?? "CREATED_AT",
      sort_order: params.sortOrder ?? "ASC",
      cursor: params.cursor ?? undefined,
      limit: params.limit ?? 100,
    },
  });
  return { items: (page.payments ?? []).map(paymentFromWire), cursor: page.cursor ?? null };
}

/** GetPayment; null when Square does not know it. */
export async function getPayment(client: SquareClient, paymentId: string): Promise<Payment | null> {
  return orNotFound(async () => {
    const res = await callSquare(() => client.payments.get({ paymentId }));
    return res.payment ? reshapePayment(res.payment) : null;
  });
}
