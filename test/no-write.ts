import { getTableColumns, getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/queries/mirror-sql";
import * as schema from "@/lib/db/schema";
import type { TestEmulator } from "./local-square";
import { writesIn } from "./square-writes";

/**
 * Proof that a refused request wrote nothing: neither at the local Square (its per-seller call
 * counts, reads excepted) nor in Patron's database (a digest of every row any table holds for the
 * seller, so an update shows as well as an insert).
 */

export interface SellerAtSquare {
  local: TestEmulator;
  token: string;
}

/** The seller's calls to the local Square since its last reset, by "METHOD /v2/path". */
export async function squareCalls(s: SellerAtSquare): Promise<Record<string, number>> {
  const res = await s.local.admin("/_emulator/stats", undefined, s.token);
  return ((await res.json()) as { calls: Record<string, number> }).calls;
}

export async function resetSquareCalls(s: SellerAtSquare): Promise<void> {
  await s.local.admin("/_emulator/stats/reset", {}, s.token);
}

/** Writes the seller made at the local Square since the last reset (an empty object when none). */
export async function squareWrites(s: SellerAtSquare): Promise<Record<string, number>> {
  return writesIn(await squareCalls(s));
}

// Every table with a merchant_id column: the mirror, the audit log, consents, checkout records, jobs…
const SELLER_TABLES: PgTable[] = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable) && "merchantId" in getTableColumns(t));

/** Per table, how many rows the seller has and a digest of their contents; one round trip. */
export async function sellerRows(db: Db, merchantId: string): Promise<Record<string, string>> {
  const parts = SELLER_TABLES.map(
    (t) => sql`SELECT ${getTableName(t)} AS name, count(*) || ':' || md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS digest FROM ${t} r WHERE r.merchant_id = ${merchantId}`,
  );
  const rows = rowsOf<{ name: string; digest: string }>(await db.execute(sql.join(parts, sql` UNION ALL `)));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/**
 * Runs `attempt` and checks it wrote nothing for the seller, at Square or in the database. Square's
 * call counts are reset first, so reads are allowed and any write names itself in the failure.
 */
export async function expectNoWrite<T>(s: SellerAtSquare & { db: Db; merchantId: string }, attempt: () => Promise<T>): Promise<T> {
  const before = await sellerRows(s.db, s.merchantId);
  await resetSquareCalls(s);
  const result = await attempt();
  expect(await squareWrites(s), "writes at the local Square").toEqual({});
  expect(await sellerRows(s.db, s.merchantId), "rows in Patron's database").toEqual(before);
  return result;
}
