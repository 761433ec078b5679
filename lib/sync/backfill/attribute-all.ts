import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/queries/mirror-sql";
import { reattribute } from "../attribution-writer";
import { inMirrorTransaction } from "../mirror-lock";

/** Orders per transaction: big enough that statements are few, small enough to keep each short. */
const CHUNK = 5_000;

/**
 * A backfill writes its batches without attribution and attributes the whole mirror here, once,
 * after every stream and the referenced profiles are in: every order with its payments, then the
 * payments whose order the mirror does not hold. Chunks walk ids in order, so a run that stopped
 * part way simply starts again (each chunk recomputes from scratch).
 */
export async function attributeAll(db: Db, merchantId: string): Promise<void> {
  await inChunks(db, merchantId, (after) => sql`SELECT id FROM mirror_orders WHERE merchant_id = ${merchantId} AND id > ${after} ORDER BY id LIMIT ${CHUNK}`, "orderIds");
  await inChunks(
    db,
    merchantId,
    (after) => sql`SELECT p.id FROM mirror_payments p
      WHERE p.merchant_id = ${merchantId} AND p.id > ${after}
        AND (p.order_id IS NULL OR NOT EXISTS (SELECT 1 FROM mirror_orders o WHERE o.merchant_id = p.merchant_id AND o.id = p.order_id))
      ORDER BY p.id LIMIT ${CHUNK}`,
    "paymentIds",
  );
}

async function inChunks(db: Db, merchantId: string, select: (after: string) => ReturnType<typeof sql>, key: "orderIds" | "paymentIds") {
  for (let after = ""; ; ) {
    const ids = rowsOf<{ id: string }>(await db.execute(select(after))).map((r) => r.id);
    if (!ids.length) return;
    await inMirrorTransaction(db, merchantId, (tx) => reattribute(tx, merchantId, { [key]: ids }));
    after = ids[ids.length - 1];
  }
}
