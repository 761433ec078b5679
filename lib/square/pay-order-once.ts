import "server-only";
import type { SquareClient } from "square";
import { isAppError } from "@/lib/errors";
import { getOrder } from "./orders";
import { getPayment } from "./payments";
import type { Payment } from "./types";

/**
 * Runs `charge` (a CreatePayment for `orderId`); when Square answers that the order is no longer
 * open, an earlier try of the same attempt already paid it and only its answer was lost: that
 * completed payment is the result, and nothing is charged again.
 */
export async function payOrderOnce<T>(client: SquareClient, orderId: string, charge: () => Promise<T>): Promise<T | Payment> {
  try {
    return await charge();
  } catch (err) {
    if (!isAppError(err, "INVALID_INPUT") || err.field !== "order_id") throw err;
    const order = await getOrder(client, orderId);
    const paymentId = order?.state === "COMPLETED" ? order.tenders.at(-1)?.paymentId : undefined;
    const payment: Payment | null = paymentId ? await getPayment(client, paymentId) : null;
    if (payment?.status !== "COMPLETED") throw err;
    return payment;
  }
}
