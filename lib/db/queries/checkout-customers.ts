import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "../open";
import { checkoutCustomers } from "../schema/checkout-customers";

export interface CheckoutCustomerKey {
  merchantId: string;
  identityKey: string;
}

/** The customer Patron created for this buyer identity at an earlier checkout, if any. */
export async function getCheckoutCustomer(db: Db, { merchantId, identityKey }: CheckoutCustomerKey): Promise<string | undefined> {
  const [row] = await db
    .select({ customerId: checkoutCustomers.customerId })
    .from(checkoutCustomers)
    .where(and(eq(checkoutCustomers.merchantId, merchantId), eq(checkoutCustomers.identityKey, identityKey)));
  return row?.customerId;
}

export async function rememberCheckoutCustomer(db: Db, params: CheckoutCustomerKey & { customerId: string }): Promise<void> {
  await db
    .insert(checkoutCustomers)
    .values(params)
    .onConflictDoUpdate({ target: [checkoutCustomers.merchantId, checkoutCustomers.identityKey], set: { customerId: params.customerId } });
}
