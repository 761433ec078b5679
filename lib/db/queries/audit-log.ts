import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../open";
import { auditLog } from "../schema";

export interface AuditEntry {
  id: number;
  actor: string;
  action: string;
  objectIds: string[];
  at: Date;
  details: Record<string, unknown> | null;
}

export interface RecordAuditParams {
  merchantId: string;
  /** Who acted: "seller", "buyer", "webhook", "system"… */
  actor: string;
  /** Dotted verb, e.g. "seller.connected", "card.disabled". */
  action: string;
  objectIds: string[];
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, params: RecordAuditParams): Promise<AuditEntry> {
  const [row] = await db
    .insert(auditLog)
    .values({ merchantId: params.merchantId, actor: params.actor, action: params.action, objectIds: params.objectIds, details: params.details ?? null })
    .returning();
  return toEntry(row);
}

export interface ListAuditParams {
  merchantId: string;
  limit?: number;
}

/** Newest first. */
export async function listAudit(db: Db, { merchantId, limit = 50 }: ListAuditParams): Promise<AuditEntry[]> {
  const rows = await db.select().from(auditLog).where(eq(auditLog.merchantId, merchantId)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit);
  return rows.map(toEntry);
}

function toEntry(row: typeof auditLog.$inferSelect): AuditEntry {
  return { id: row.id, actor: row.actor, action: row.action, objectIds: row.objectIds, at: row.at, details: row.details };
}
