import "server-only";
import type { SquareClient } from "square";
import { callSquare } from "./errors";
import { toSquareMoney } from "./money";
import { reshapeOrder } from "./orders";
import type { Money, Order } from "./types";

export interface OrderLine {
  name: string;
  quantity: number;
  unitPrice: Money;
}

export interface CreateCheckoutOrderParams {
  idempotencyKey: string;
  locationId: string;
  customerId: string;
  referenceId: string;
  lines: OrderLine[];
  metadata: Record<string, string>;
}

/** CreateOrder with ad hoc line items, linked to the buyer's customer profile. */
export async function createCheckoutOrder(client: SquareClient, params: CreateCheckoutOrderParams): Promise<Order> {
  const res = await callSquare(() =>
    client.orders.create({
      idempotencyKey: params.idempotencyKey,
      order: {
        locationId: params.locationId,
        customerId: params.customerId,
        referenceId: params.referenceId,
        metadata: params.metadata,
        lineItems: params.lines.map((l) => ({ name: l.name, quantity: String(l.quantity), basePriceMoney: toSquareMoney(l.unitPrice), itemType: "ITEM" })),
      },
    }),
  );
  if (!res.order?.id) throw new Error("CreateOrder returned no order.");
  return reshapeOrder(res.order);
}

/** What is still owed on an order: CreatePayment must ask for exactly this. */
export const amountDue = (order: Order): Money | null => order.netAmountDue ?? order.total;
