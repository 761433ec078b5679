import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../open";
import { customerAliases } from "../schema";

export interface RecordCustomerAliasesParams {
  merchantId: string;
  oldCustomerIds: string[];
  survivingCustomerId: string;
}

/**
 * Records that the old profiles now live on as `survivingCustomerId`. Aliases already pointing at an
 * old id are moved along, so a chain of merges always resolves in one step.
 */
export async function recordCustomerAliases(db: Db, params: RecordCustomerAliasesParams): Promise<void> {
  const { merchantId, oldCustomerIds, survivingCustomerId } = params;
  const olds = oldCustomerIds.filter((id) => id !== survivingCustomerId);
  if (!olds.length) return;
  await db.transaction(async (tx) => {
    await tx
      .update(customerAliases)
      .set({ survivingCustomerId })
      .where(and(eq(customerAliases.merchantId, merchantId), inArray(customerAliases.survivingCustomerId, olds)));
    await tx
      .insert(customerAliases)
      .values(olds.map((oldCustomerId) => ({ merchantId, oldCustomerId, survivingCustomerId })))
      .onConflictDoUpdate({ target: [customerAliases.merchantId, customerAliases.oldCustomerId], set: { survivingCustomerId } });
  });
}

export interface ResolveCustomerIdParams {
  merchantId: string;
  customerId: string;
}

/** The id a customer is known by now: the surviving profile of a merge, or the id itself. */
export async function resolveCustomerId(db: Db, { merchantId, customerId }: ResolveCustomerIdParams): Promise<string> {
  const [row] = await db
    .select({ id: customerAliases.survivingCustomerId })
    .from(customerAliases)
    .where(and(eq(customerAliases.merchantId, merchantId), eq(customerAliases.oldCustomerId, customerId)));
  return row?.id ?? customerId;
}
