import "server-only";
import type { Db } from "@/lib/db/client";
import { pokeJobRunner } from "./registry";
import { requestBackfill, scheduleSellerSync } from "./schedule";

/** After a seller signs in: a backfill on the first sign-in, reconciliation always, starting now. */
export async function startSellerSync(db: Db, merchantId: string): Promise<void> {
  await scheduleSellerSync(db, merchantId);
  pokeJobRunner();
}

/** Settings → Resync: pull everything again, now. */
export async function startResync(db: Db, merchantId: string): Promise<void> {
  await requestBackfill(db, merchantId);
  pokeJobRunner();
}
