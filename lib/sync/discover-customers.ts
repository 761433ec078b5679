import "server-only";
import type { Db } from "@/lib/db/client";
import { bulkRetrieveCustomers } from "@/lib/square/customers";
import type { SquareClient } from "@/lib/square/client";
import type { CustomerRecord } from "@/lib/square/types";
import { applyToMirror, type ApplyOptions } from "./apply";
import type { Merge } from "./merge-aliases";
import { chunk, runPool } from "./pool";

/**
 * Asks Square about customer ids (BulkRetrieveCustomers, 100 at a time) and brings the mirror in
 * line with the answers: a profile comes back under its own id (upserted), under another id (it
 * was merged: alias old → survivor, old marked deleted), or not at all (deleted). This is how merges
 * and deletions that happened while webhooks were lost, or before Patron subscribed, are found.
 */
export async function resolveCustomersAtSquare(
  db: Db,
  client: SquareClient,
  merchantId: string,
  ids: string[],
  options: { parallelism: number } & ApplyOptions,
): Promise<{ merged: number; notFound: number }> {
  let merged = 0;
  let notFound = 0;
  await runPool(chunk([...new Set(ids)], 100), options.parallelism, async (batch) => {
    const fetchedAt = new Date();
    const answers = await bulkRetrieveCustomers(client, batch);
    const customers: CustomerRecord[] = [];
    const merges = new Map<string, string[]>();
    const gone: string[] = [];
    for (const [askedId, customer] of answers) {
      if (!customer) {
        gone.push(askedId);
        notFound++;
        continue;
      }
      customers.push(customer);
      if (customer.id !== askedId) {
        merges.set(customer.id, [...(merges.get(customer.id) ?? []), askedId]);
        gone.push(askedId);
      }
    }
    const mergeList: Merge[] = [...merges].map(([toId, fromIds]) => ({ toId, fromIds }));
    merged += mergeList.reduce((n, m) => n + m.fromIds.length, 0);
    await applyToMirror(db, merchantId, { fetchedAt, customers, merges: mergeList, deletedCustomerIds: gone }, options);
  });
  return { merged, notFound };
}
