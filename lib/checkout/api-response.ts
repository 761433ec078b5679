import { API_FIELD } from "@/lib/validations/checkout-api";
import type { CheckoutFieldErrors } from "@/lib/validations/checkout";
import type { CheckoutOutcome, CheckoutReceipt } from "./types";

type ApiError = { code: string; message: string; fields?: Record<string, string[]>; reason?: string; square_codes?: string[]; retry_after_seconds?: number };

/** A checkout outcome as the JSON endpoint answers it (status, body, headers), per public/openapi/checkout.json. */
export function outcomeResponse(outcome: CheckoutOutcome): Response {
  if (outcome.ok) return Response.json({ receipt: receiptJson(outcome.receipt), replayed: outcome.replayed });
  switch (outcome.code) {
    case "INVALID_INPUT":
      return errorResponse(400, { code: outcome.code, message: outcome.message, fields: apiFields(outcome.fieldErrors) });
    case "DECLINED":
      return errorResponse(402, { code: "PAYMENT_DECLINED", message: outcome.message, reason: outcome.reason, square_codes: outcome.squareCodes });
    case "NOT_FOUND":
      return errorResponse(404, { code: outcome.code, message: outcome.message });
    case "ATTEMPT_MISMATCH":
      return errorResponse(409, { code: outcome.code, message: outcome.message });
    case "RATE_LIMITED":
      return errorResponse(429, { code: outcome.code, message: outcome.message, retry_after_seconds: outcome.retryAfterSeconds }, { "Retry-After": String(outcome.retryAfterSeconds) });
    case "UNAVAILABLE":
      return errorResponse(503, { code: outcome.code, message: outcome.message });
  }
}

export function errorResponse(status: number, error: ApiError, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function apiFields(errors: CheckoutFieldErrors): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [API_FIELD[field as keyof typeof API_FIELD] ?? field, messages ?? []]));
}

export function receiptJson(r: CheckoutReceipt) {
  return {
    attempt_id: r.attemptId,
    link_id: r.linkId,
    business_name: r.businessName,
    amount_money: r.amount,
    line_items: r.lines.map((l) => ({ name: l.name, quantity: l.quantity, unit_amount: l.unitAmount, total_amount: l.totalAmount })),
    payment_method: r.paymentMethod,
    card_brand: r.cardBrand,
    card_last_4: r.cardLast4,
    receipt_number: r.receiptNumber,
    receipt_url: r.receiptUrl,
    payment_id: r.paymentId,
    card_saved: r.cardSaved,
    card_save_error: r.cardSaveError,
    paid_at: r.paidAt,
  };
}
