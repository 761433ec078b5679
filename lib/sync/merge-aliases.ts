import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { customerAliases } from "@/lib/db/schema";
import type { Tx } from "./mirror-lock";

export interface Merge {
  /** The profiles Square merged away. */
  fromIds: string[];
  /** The profile that replaced them. */
  toId: string;
}

/**
 * Records merges in customer_aliases, kept flat (every old id points straight at today's survivor,
 * so SQL resolves with one join), whatever order merges arrive in: A+B→C then C+D→E and the reverse
 * both end with A, B, C, D → E. Returns the ids that stopped being survivors, whose attributed
 * rows must be recomputed.
 */
export async function recordMerges(tx: Tx, merchantId: string, merges: Merge[]): Promise<string[]> {
  const replaced = new Set<string>();
  for (const merge of merges) {
    // The survivor may itself have been merged already (events out of order).
    const [onward] = await tx
      .select({ id: customerAliases.survivingCustomerId })
      .from(customerAliases)
      .where(and(eq(customerAliases.merchantId, merchantId), eq(customerAliases.oldCustomerId, merge.toId)));
    const survivor = onward?.id ?? merge.toId;
    const olds = [...new Set([...merge.fromIds, merge.toId])].filter((id) => id !== survivor);
    if (!olds.length) continue;
    await tx
      .update(customerAliases)
      .set({ survivingCustomerId: survivor })
      .where(and(eq(customerAliases.merchantId, merchantId), inArray(customerAliases.survivingCustomerId, olds)));
    await tx
      .insert(customerAliases)
      .values(olds.map((oldCustomerId) => ({ merchantId, oldCustomerId, survivingCustomerId: survivor })))
      .onConflictDoUpdate({ target: [customerAliases.merchantId, customerAliases.oldCustomerId], set: { survivingCustomerId: sql`excluded.surviving_customer_id` } });
    for (const id of olds) replaced.add(id);
  }
  return [...replaced];
}
