import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Every write to a seller's mirror holds this transaction-scoped lock. Attribution and per-customer
 * aggregates read rows that another transaction may be writing (a payment and its order arrive in
 * two streams), so writers of one seller take turns; different sellers never wait on each other.
 * Square calls happen before the transaction, so the lock is held only for database work.
 */
export async function lockSellerMirror(tx: Tx, merchantId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${"mirror:" + merchantId}, 0))`);
}

/** Runs `work` in one transaction holding the seller's mirror lock. */
export async function inMirrorTransaction<T>(db: Db, merchantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockSellerMirror(tx, merchantId);
    return work(tx);
  });
}
