import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../open";
import { checkoutAttempts, type CheckoutAttemptRow } from "../schema/checkout-attempts";
import type { CheckoutLinkLineItem } from "../schema/checkout-links";
import { sellers } from "../schema/sellers";

export type CheckoutAttempt = CheckoutAttemptRow;

export interface StartCheckoutAttemptParams {
  id: string;
  merchantId: string;
  linkId: string;
  amount: number;
  currency: string;
  lineItems: CheckoutLinkLineItem[];
  identityKey: string;
  saveCardRequested: boolean;
}

/**
 * The attempt with this id: created on first use, otherwise as stored (the caller checks that a
 * retry is for the same link, amount and buyer). Safe when two requests race on one id.
 */
export async function startCheckoutAttempt(db: Db, params: StartCheckoutAttemptParams): Promise<CheckoutAttempt> {
  await db.insert(checkoutAttempts).values(params).onConflictDoNothing({ target: checkoutAttempts.id });
  const [row] = await db.select().from(checkoutAttempts).where(eq(checkoutAttempts.id, params.id));
  return row;
}

export type CheckoutAttemptPatch = Partial<
  Pick<
    CheckoutAttemptRow,
    | "status"
    | "customerId"
    | "orderId"
    | "paymentId"
    | "paymentMethod"
    | "cardBrand"
    | "cardLast4"
    | "receiptNumber"
    | "receiptUrl"
    | "saveCardRequested"
    | "cardSaveError"
    | "lastDeclineCode"
    | "completedAt"
  >
>;

export async function updateCheckoutAttempt(db: Db, id: string, patch: CheckoutAttemptPatch): Promise<CheckoutAttempt> {
  const [row] = await db
    .update(checkoutAttempts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(checkoutAttempts.id, id))
    .returning();
  return row;
}

/** Records the saved card once: only the first caller gets true (and writes the consent). */
export async function claimSavedCard(db: Db, params: { id: string; cardId: string }): Promise<boolean> {
  const rows = await db
    .update(checkoutAttempts)
    .set({ cardId: params.cardId, cardSaveError: null, updatedAt: new Date() })
    .where(and(eq(checkoutAttempts.id, params.id), isNull(checkoutAttempts.cardId)))
    .returning({ id: checkoutAttempts.id });
  return rows.length > 0;
}

/** A completed attempt made through this link, with the seller's name: the receipt page's lookup (the attempt id is the buyer's secret). */
export async function getPaidAttempt(db: Db, params: { id: string; linkId: string }): Promise<{ attempt: CheckoutAttempt; businessName: string } | undefined> {
  const [row] = await db
    .select({ attempt: checkoutAttempts, businessName: sellers.businessName })
    .from(checkoutAttempts)
    .innerJoin(sellers, eq(sellers.merchantId, checkoutAttempts.merchantId))
    .where(and(eq(checkoutAttempts.id, params.id), eq(checkoutAttempts.linkId, params.linkId), eq(checkoutAttempts.status, "completed")));
  return row;
}
