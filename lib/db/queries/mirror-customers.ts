import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "../open";
import { mirrorCustomers } from "../schema";

export interface MirrorCustomerParams {
  merchantId: string;
  customerId: string;
}

/** Whether the seller's mirror holds this profile (live or deleted): ids from a browser are checked here first. */
export async function mirrorCustomerExists(db: Db, { merchantId, customerId }: MirrorCustomerParams): Promise<boolean> {
  const [row] = await db
    .select({ id: mirrorCustomers.id })
    .from(mirrorCustomers)
    .where(and(eq(mirrorCustomers.merchantId, merchantId), eq(mirrorCustomers.id, customerId)))
    .limit(1);
  return !!row;
}
