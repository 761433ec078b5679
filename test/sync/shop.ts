import { randomUUID } from "node:crypto";
import type { SquareClient } from "square";
import type { TestSeller } from "@/emulator/test/harness";

/**
 * Fills a local-Square seller through the official SDK, the way a point of sale and an online store
 * would: customers, cards on file, linked gift cards, orders paid by customers, and sales where only
 * the payment (or nobody) names a customer.
 */
export interface ShopPlan {
  customers: number;
  cards?: number;
  giftCards?: number;
  /** Orders with `customer_id`, paid with the same customer. */
  customerOrders?: number;
  /** Orders without a customer, paid by a customer (Square Online style). */
  paymentOnlyOrders?: number;
  /** Sales with no customer anywhere (cash, no email). */
  anonymousSales?: number;
}

export interface Shop {
  customerIds: string[];
  orderIds: string[];
  paymentIds: string[];
}

const key = () => randomUUID();
const usd = (cents: number) => ({ amount: BigInt(cents), currency: "USD" as const });

export async function seedShop(seller: TestSeller, plan: ShopPlan): Promise<Shop> {
  const c = seller.client;
  const customerIds = await inBatches(plan.customers, async (i) => {
    const res = await c.customers.create({ idempotencyKey: key(), givenName: `Guest${i}`, familyName: "Shopper", emailAddress: `guest${i}.${key().slice(0, 6)}@example.com` });
    return res.customer!.id!;
  });
  await inBatches(plan.cards ?? 0, (i) => c.cards.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", card: { customerId: customerIds[i % customerIds.length] } }));
  await inBatches(plan.giftCards ?? 0, async (i) => {
    const { giftCard } = await c.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL" } });
    await c.giftCards.activities.create({
      idempotencyKey: key(),
      giftCardActivity: { type: "ACTIVATE", locationId: seller.locationId, giftCardId: giftCard!.id, activateActivityDetails: { amountMoney: usd(2500), buyerPaymentInstrumentIds: ["test"] } },
    });
    await c.giftCards.linkCustomer({ giftCardId: giftCard!.id!, customerId: customerIds[i % customerIds.length] });
  });
  const orderIds: string[] = [];
  const paymentIds: string[] = [];
  const sale = async (customerOnOrder: string | undefined, customerOnPayment: string | undefined, cents: number, source = "cnon:card-nonce-ok") => {
    const { order } = await c.orders.create({
      idempotencyKey: key(),
      order: { locationId: seller.locationId, customerId: customerOnOrder, lineItems: [{ name: "Latte", quantity: "1", basePriceMoney: usd(cents) }] },
    });
    const { payment } = await c.payments.create({
      idempotencyKey: key(),
      sourceId: source,
      amountMoney: order!.totalMoney!,
      orderId: order!.id,
      customerId: customerOnPayment,
      locationId: seller.locationId,
      ...(source === "CASH" ? { cashDetails: { buyerSuppliedMoney: order!.totalMoney! } } : {}),
    });
    orderIds.push(order!.id!);
    paymentIds.push(payment!.id!);
  };
  await inBatches(plan.customerOrders ?? 0, (i) => sale(customerIds[i % customerIds.length], customerIds[i % customerIds.length], 450 + i));
  await inBatches(plan.paymentOnlyOrders ?? 0, (i) => sale(undefined, customerIds[(i * 7) % customerIds.length], 800 + i));
  await inBatches(plan.anonymousSales ?? 0, (i) => sale(undefined, undefined, 300 + i, "CASH"));
  return { customerIds, orderIds, paymentIds };
}

async function inBatches<T>(count: number, make: (i: number) => Promise<T>, width = 8): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += width) out.push(...(await Promise.all(Array.from({ length: Math.min(width, count - i) }, (_, k) => make(i + k)))));
  return out;
}

export type { SquareClient };
