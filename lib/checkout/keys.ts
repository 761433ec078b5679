import { sha256 } from "./buyer";

// Idempotency keys for each Square write of a checkout. Square keeps a key per seller and endpoint;
// CreatePayment and CreateCard allow at most 45 characters, hence the hashes.

/** One customer per seller and buyer identity, however many attempts the buyer makes. */
export const customerKey = (merchantId: string, identityKey: string) => `cust_${sha256(`${merchantId}|${identityKey}`).slice(0, 40)}`;

/** One order per attempt. */
export const orderKey = (attemptId: string) => `order_${attemptId}`;

/** One payment per attempt and payment token: a double submit replays, a new card after a decline pays anew. */
export const paymentKey = (attemptId: string, sourceId: string) => `pay_${sha256(`${attemptId}|${sourceId}`).slice(0, 40)}`;

/** One card on file per payment. */
export const cardKey = (paymentId: string) => `card_${sha256(paymentId).slice(0, 40)}`;
