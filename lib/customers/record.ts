import "server-only";
import { recordAudit } from "@/lib/db/queries/audit-log";
import { applyToMirror, type MirrorChanges } from "@/lib/sync/apply";
import type { CustomerOpsContext } from "./context";

/**
 * Writes Square's answer to the seller's mirror at once, so the page shows the change before any
 * webhook. The write already happened at Square, so a failure here is logged, not thrown: webhooks
 * and reconciliation repair the mirror, and the mirror's upserts never regress.
 */
export async function mirrorSquareAnswer(ctx: CustomerOpsContext, changes: MirrorChanges): Promise<void> {
  try {
    await applyToMirror(ctx.db, ctx.seller.merchantId, changes);
  } catch (err) {
    console.error(`Could not write Square's answer to the mirror of ${ctx.seller.merchantId} (the sync will catch up):`, err);
  }
}

/** Appends to the audit log as the signed-in seller; every write names the objects it touched. */
export async function auditWrite(ctx: CustomerOpsContext, action: string, objectIds: string[], details?: Record<string, unknown>): Promise<void> {
  await recordAudit(ctx.db, { merchantId: ctx.seller.merchantId, actor: ctx.actor, action, objectIds, details });
}
