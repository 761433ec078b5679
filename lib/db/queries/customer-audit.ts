import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../open";
import type { AuditEntry } from "./audit-log";
import { groupIds } from "./customer-cards";
import type { CustomerProfileParams } from "./customer-profile";
import { rowsOf } from "./mirror-sql";

export interface CustomerAuditParams extends CustomerProfileParams {
  /** Default 50, at most 200. */
  limit?: number;
}

/** What was done in Patron to this customer (any of their merged ids) or their cards and sales, newest first. */
export async function listCustomerAudit(db: Db, { merchantId: m, customerId, limit = 50 }: CustomerAuditParams): Promise<AuditEntry[]> {
  const result = await db.execute(sql`
    SELECT id, actor, action, object_ids, at, details FROM audit_log
    WHERE merchant_id = ${m} AND object_ids && ARRAY(SELECT * FROM ${groupIds(m, customerId)} ids)
    ORDER BY at DESC, id DESC
    LIMIT ${Math.min(Math.max(limit, 1), 200)}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: Number(r.id),
    actor: String(r.actor),
    action: String(r.action),
    objectIds: parseArray(r.object_ids),
    at: r.at instanceof Date ? r.at : new Date(String(r.at)),
    details: (typeof r.details === "string" ? JSON.parse(r.details) : r.details) as Record<string, unknown> | null,
  }));
}

/** A text[] column from a raw row: an array on both drivers, or PostgreSQL's "{a,b}" text form. */
function parseArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "string") return v.replace(/^\{|\}$/g, "").split(",").filter(Boolean).map((s) => s.replace(/^"|"$/g, ""));
  return [];
}
