import type { ActionResult } from "@/lib/action-result";
import type { DeclineReason } from "@/lib/checkout/declines";
import type { Money } from "@/lib/square/types";

/** A completed charge on file, as the 360 page shows it. */
export interface ChargeReceipt {
  paymentId: string;
  orderId: string;
  amount: Money;
  receiptNumber: string | null;
  /** Square's receipt page for the payment. */
  receiptUrl: string | null;
  cardBrand: string | null;
  last4: string | null;
}

/** Square declined the card or gift card. The order stays OPEN: another source pays it on the same attempt. */
export interface ChargeDeclined {
  ok: false;
  code: "DECLINED";
  message: string;
  reason: DeclineReason | "disabled";
  orderId: string;
  squareCodes: string[];
}

export type ChargeResult = ActionResult<ChargeReceipt> | ChargeDeclined;

export interface NewOrderReceipt {
  orderId: string;
  total: Money;
  /** OPEN when left unpaid; COMPLETED when paid on file now. */
  state: string;
  payment: ChargeReceipt | null;
}

export type NewOrderResult = ActionResult<NewOrderReceipt> | ChargeDeclined;
