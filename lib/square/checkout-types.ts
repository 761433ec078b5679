import type { Payment } from "./types";

/** A declined payment: Square's error codes, first one first, and the FAILED payment when Square kept one. */
export interface PaymentDeclined {
  declined: true;
  codes: string[];
  detail: string | null;
  payment: Payment | null;
}
