import "server-only";
import type { SquareClient } from "square";
import type { Db } from "@/lib/db/client";
import { getCheckoutCustomer, rememberCheckoutCustomer } from "@/lib/db/queries/checkout-customers";
import { isAppError } from "@/lib/errors";
import { createBuyerCustomer, findCustomerBy } from "@/lib/square/checkout-customers";
import type { CustomerRecord } from "@/lib/square/types";
import type { Buyer } from "./buyer";
import { customerKey } from "./keys";

export interface CustomerStepResult {
  customerId: string;
  /** Square's answer when this step created the profile (for the mirror). */
  created: CustomerRecord | null;
}

/**
 * Square's recommended order: SearchCustomers by exact email, then by exact phone; CreateCustomer
 * only when neither matches. Because search lags behind writes, Patron also remembers which profile
 * it made for this identity, and CreateCustomer's idempotency key is the identity itself, so no
 * retry ever makes a second profile.
 */
export async function findOrCreateCustomer(db: Db, client: SquareClient, seller: { merchantId: string; businessName: string }, buyer: Buyer, identityKey: string): Promise<CustomerStepResult> {
  const found = await search(client, buyer);
  if (found) return { customerId: found.id, created: null };
  const known = await getCheckoutCustomer(db, { merchantId: seller.merchantId, identityKey });
  if (known) return { customerId: known, created: null };
  try {
    const created = await createBuyerCustomer(client, {
      idempotencyKey: customerKey(seller.merchantId, identityKey),
      givenName: buyer.givenName,
      familyName: buyer.familyName,
      email: buyer.email,
      phone: buyer.phone,
      note: `Added by Patron checkout for ${seller.businessName}.`,
    });
    await rememberCheckoutCustomer(db, { merchantId: seller.merchantId, identityKey, customerId: created.id });
    return { customerId: created.id, created };
  } catch (err) {
    // The key was used with other details (a retry with a corrected name after a crash): the
    // profile exists; search once more now that Square has had time to index it.
    if (isAppError(err, "INVALID_INPUT") && err.squareCode === "IDEMPOTENCY_KEY_REUSED") {
      const again = await search(client, buyer);
      if (again) return { customerId: again.id, created: null };
    }
    throw err;
  }
}

async function search(client: SquareClient, buyer: Buyer): Promise<CustomerRecord | null> {
  if (buyer.email) {
    const byEmail = await findCustomerBy(client, { email: buyer.email });
    if (byEmail) return byEmail;
  }
  return buyer.phone ? findCustomerBy(client, { phone: buyer.phone }) : null;
}
