import type { CheckoutFieldErrors } from "@/lib/validations/checkout";
import type { Money } from "@/lib/square/types";
import type { DeclineReason } from "./declines";

export interface ReceiptLine {
  name: string;
  quantity: number;
  unitAmount: number;
  totalAmount: number;
}

/** What the buyer sees once paid. Everything comes from Patron's record of the attempt. */
export interface CheckoutReceipt {
  attemptId: string;
  linkId: string;
  businessName: string;
  amount: Money;
  lines: ReceiptLine[];
  paymentMethod: "CARD" | "GIFT_CARD";
  cardBrand: string | null;
  cardLast4: string | null;
  receiptNumber: string | null;
  receiptUrl: string | null;
  paymentId: string;
  cardSaved: boolean;
  /** Set when the buyer asked to save the card and Square would not (the payment went through regardless). */
  cardSaveError: string | null;
  paidAt: string;
}

/** Everything a checkout can end in; the page and the JSON endpoint each render these. */
export type CheckoutOutcome =
  | { ok: true; receipt: CheckoutReceipt; replayed: boolean }
  | { ok: false; code: "INVALID_INPUT"; message: string; fieldErrors: CheckoutFieldErrors }
  | { ok: false; code: "DECLINED"; message: string; reason: DeclineReason; squareCodes: string[] }
  | { ok: false; code: "NOT_FOUND"; message: string }
  | { ok: false; code: "ATTEMPT_MISMATCH"; message: string }
  | { ok: false; code: "RATE_LIMITED"; message: string; retryAfterSeconds: number }
  | { ok: false; code: "UNAVAILABLE"; message: string };

/** Who is asking, for the rate limits and the consent record. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /** Where the buyer paid: the page path, or the API route for apps. */
  page: string;
}
