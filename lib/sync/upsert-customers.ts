import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/lib/db/queries/mirror-sql";
import type { CustomerRecord } from "@/lib/square/types";
import { columnList, jsonRows, setExcluded, type RowColumn } from "./json-rows";
import { latestById } from "./latest";
import type { Tx } from "./mirror-lock";

const digitsOf = (phone: string | null) => (phone ? phone.replace(/\D/g, "") || null : null);

export function customerSearchText(c: Pick<CustomerRecord, "givenName" | "familyName" | "nickname" | "companyName" | "emailAddress" | "phoneNumber" | "referenceId">): string {
  return [c.givenName, c.familyName, c.nickname, c.companyName, c.emailAddress, digitsOf(c.phoneNumber), c.referenceId]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
}

const COLUMNS: RowColumn[] = [
  ["id", "text"],
  ["given_name", "text"],
  ["family_name", "text"],
  ["company_name", "text"],
  ["nickname", "text"],
  ["email_address", "text"],
  ["phone_number", "text"],
  ["phone_digits", "text"],
  ["reference_id", "text"],
  ["creation_source", "text"],
  ["search_text", "text"],
  ["version", "bigint"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
  ["raw", "jsonb"],
];
const UPDATED = COLUMNS.filter(([name]) => name !== "id");

const row = (c: CustomerRecord) => ({
  id: c.id,
  given_name: c.givenName,
  family_name: c.familyName,
  company_name: c.companyName,
  nickname: c.nickname,
  email_address: c.emailAddress,
  phone_number: c.phoneNumber,
  phone_digits: digitsOf(c.phoneNumber),
  reference_id: c.referenceId,
  creation_source: c.creationSource,
  search_text: customerSearchText(c),
  version: c.version,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  raw: c.raw,
});

/**
 * Writes customers the mirror holds an older version of (or only a tombstone for); returns the ids
 * written. Equal versions are the same profile, so they are not rewritten (reconciliation re-reads
 * every profile). A deleted row stays deleted unless Square sends a strictly newer version of it.
 */
export async function upsertCustomers(tx: Tx, merchantId: string, customers: CustomerRecord[]): Promise<string[]> {
  const rows = latestById(customers, (c) => [c.version]).map(row);
  if (!rows.length) return [];
  const result = await tx.execute(sql`
    INSERT INTO mirror_customers AS t (merchant_id, ${columnList(COLUMNS)}, deleted_at, synced_at)
    SELECT ${merchantId}, ${columnList(COLUMNS, "r.")}, NULL, now() FROM ${jsonRows(rows, COLUMNS)}
    ON CONFLICT (merchant_id, id) DO UPDATE SET ${setExcluded(UPDATED)}, synced_at = excluded.synced_at,
      deleted_at = CASE WHEN excluded.version > t.version THEN NULL ELSE t.deleted_at END
    WHERE t.version < excluded.version OR (t.version = excluded.version AND t.raw = '{}'::jsonb)
    RETURNING t.id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * Marks profiles deleted (customer.deleted, a merge, or Square answering 404). An id the mirror
 * never saw gets a tombstone row, so it is not asked about again. Returns the ids newly marked.
 */
export async function markCustomersDeleted(tx: Tx, merchantId: string, ids: string[], at: Date): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const result = await tx.execute(sql`
    INSERT INTO mirror_customers AS t (merchant_id, id, raw, version, deleted_at)
    SELECT ${merchantId}, r.id, '{}'::jsonb, 0, ${at.toISOString()}::timestamptz FROM ${jsonRows(unique.map((id) => ({ id })), [["id", "text"]])}
    ON CONFLICT (merchant_id, id) DO UPDATE SET deleted_at = coalesce(t.deleted_at, excluded.deleted_at)
    WHERE t.deleted_at IS NULL
    RETURNING t.id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
