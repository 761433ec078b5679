import "server-only";
import { sql } from "drizzle-orm";
import { chunksFor, dateOrNull, excludedExcept } from "@/lib/db/queries/mirror-sql";
import { mirrorCustomers } from "@/lib/db/schema";
import type { CustomerRecord } from "@/lib/square/types";
import { latestById } from "./latest";
import type { Tx } from "./mirror-lock";

const digitsOf = (phone: string | null) => (phone ? phone.replace(/\D/g, "") || null : null);

export function customerSearchText(c: Pick<CustomerRecord, "givenName" | "familyName" | "nickname" | "companyName" | "emailAddress" | "phoneNumber" | "referenceId">): string {
  return [c.givenName, c.familyName, c.nickname, c.companyName, c.emailAddress, digitsOf(c.phoneNumber), c.referenceId]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
}

function customerRow(merchantId: string, c: CustomerRecord): typeof mirrorCustomers.$inferInsert {
  return {
    merchantId,
    id: c.id,
    givenName: c.givenName,
    familyName: c.familyName,
    companyName: c.companyName,
    nickname: c.nickname,
    emailAddress: c.emailAddress,
    phoneNumber: c.phoneNumber,
    phoneDigits: digitsOf(c.phoneNumber),
    referenceId: c.referenceId,
    creationSource: c.creationSource,
    searchText: customerSearchText(c),
    version: c.version,
    createdAt: dateOrNull(c.createdAt),
    updatedAt: dateOrNull(c.updatedAt),
    deletedAt: null,
    raw: c.raw,
    syncedAt: new Date(),
  };
}

/**
 * Writes customers the mirror holds an older version of (or only a tombstone for); returns the ids
 * written. Equal versions are the same profile, so they are not rewritten (reconciliation re-reads
 * every profile). A deleted row stays deleted unless Square sends a strictly newer version of it.
 */
export async function upsertCustomers(tx: Tx, merchantId: string, customers: CustomerRecord[]): Promise<string[]> {
  const rows = latestById(customers, (c) => [c.version]).map((c) => customerRow(merchantId, c));
  const written: string[] = [];
  for (const chunk of chunksFor(rows, 19)) {
    const result = await tx
      .insert(mirrorCustomers)
      .values(chunk)
      .onConflictDoUpdate({
        target: [mirrorCustomers.merchantId, mirrorCustomers.id],
        set: {
          ...excludedExcept(mirrorCustomers, ["merchantId", "id", "deletedAt"]),
          deletedAt: sql`CASE WHEN excluded.version > ${mirrorCustomers.version} THEN NULL ELSE ${mirrorCustomers.deletedAt} END`,
        },
        setWhere: sql`${mirrorCustomers.version} < excluded.version OR (${mirrorCustomers.version} = excluded.version AND ${mirrorCustomers.raw} = '{}'::jsonb)`,
      })
      .returning({ id: mirrorCustomers.id });
    written.push(...result.map((r) => r.id));
  }
  return written;
}

/**
 * Marks profiles deleted (customer.deleted, a merge, or Square answering 404). An id the mirror
 * never saw gets a tombstone row, so it is not asked about again. Returns the ids newly marked.
 */
export async function markCustomersDeleted(tx: Tx, merchantId: string, ids: string[], at: Date): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const result = await tx
    .insert(mirrorCustomers)
    .values(unique.map((id) => ({ merchantId, id, raw: {}, deletedAt: at, version: 0 })))
    .onConflictDoUpdate({
      target: [mirrorCustomers.merchantId, mirrorCustomers.id],
      set: { deletedAt: sql`coalesce(${mirrorCustomers.deletedAt}, excluded.deleted_at)` },
      setWhere: sql`${mirrorCustomers.deletedAt} IS NULL`,
    })
    .returning({ id: mirrorCustomers.id });
  return result.map((r) => r.id);
}
