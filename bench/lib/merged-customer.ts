import { randomUUID } from "node:crypto";
import type { SquareClient } from "square";
import type { SquareAdmin } from "./square-admin";

export interface MergedCustomer {
  /** The surviving profile (what Patron's customer page opens). */
  id: string;
  /** The merged-away profiles, which the orders and payments still name. */
  oldIds: string[];
  email: string;
  familyName: string;
  orders: number;
  /** Sum of the payments made, in cents. */
  spend: number;
}

/**
 * The hard case for the customer 360, made through Square's public API: one person with
 * `orders` orders spread over `profiles` duplicate profiles (same email typed differently), each
 * order paid by card with the customer named, then the profiles merged on the local Square
 * (POST /_emulator/customers/merge, Square's Dashboard merge). The orders keep the old IDs.
 */
export async function createMergedCustomer(square: SquareClient, admin: SquareAdmin, locationId: string, orders: number, profiles: number): Promise<MergedCustomer> {
  const tag = randomUUID().slice(0, 6);
  const email = `bench.regular.${tag}@example.com`;
  const familyName = `Regular${tag}`;
  const ids: string[] = [];
  for (let p = 0; p < profiles; p++) {
    const { customer } = await square.customers.create({
      idempotencyKey: randomUUID(),
      givenName: "Bench",
      familyName,
      // The same address as people type it at different registers.
      emailAddress: p % 2 ? email.toUpperCase() : email,
      phoneNumber: ["+1 415-555-0199", "(415) 555-0199", "4155550199"][p % 3],
    });
    ids.push(customer!.id!);
  }
  let spend = 0;
  let next = 0;
  // A few at a time: this is set-up, made before any latency is injected.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < orders; i = next++) {
        const customerId = ids[i % profiles];
        const amount = 350 + ((i * 137) % 2400);
        const { order } = await square.orders.create({
          idempotencyKey: randomUUID(),
          order: { locationId, customerId, lineItems: [{ name: "Bench latte", quantity: "1", basePriceMoney: { amount: BigInt(amount), currency: "USD" } }] },
        });
        const total = Number(order!.totalMoney!.amount);
        await square.payments.create({
          idempotencyKey: randomUUID(),
          sourceId: "cnon:card-nonce-ok",
          amountMoney: { amount: BigInt(total), currency: "USD" },
          orderId: order!.id!,
          customerId,
          locationId,
        });
        spend += total;
      }
    }),
  );
  const { customer } = await admin.merge(ids);
  return { id: customer.id, oldIds: ids, email, familyName, orders, spend };
}
