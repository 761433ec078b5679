"use server";

import { z } from "zod";
import { ok, toActionError, type ActionResult } from "@/lib/action-result";
import { requireSeller } from "@/lib/auth/current-seller";
import { getDb } from "@/lib/db/client";
import { resolveCustomerId } from "@/lib/db/queries/customer-aliases";
import { mirrorCustomerExists } from "@/lib/db/queries/mirror-customers";
import { AppError } from "@/lib/errors";
import { squareFor } from "@/lib/square/for-seller";
import { startResync } from "@/lib/sync/jobs/start-seller-sync";
import { refreshCustomerLive, type RefreshCustomerResult } from "@/lib/sync/refresh-customer";

/** Settings → Resync: copy everything from Square again (in the background; progress shows at once). */
export async function resyncAction(): Promise<ActionResult> {
  const seller = await requireSeller();
  await startResync(await getDb(), seller.merchantId);
  return ok(undefined);
}

const CustomerIdSchema = z.string().trim().min(1).max(191);

/**
 * A customer's page → Refresh: asks Square now for this customer's profile, cards, gift cards and
 * recent sales. Only customers already in the signed-in seller's mirror can be refreshed.
 */
export async function refreshCustomerAction(customerId: unknown): Promise<ActionResult<RefreshCustomerResult>> {
  const seller = await requireSeller();
  const id = CustomerIdSchema.safeParse(customerId);
  if (!id.success) return { ok: false, code: "INVALID_INPUT", message: "A customer id is needed.", fieldErrors: { customerId: ["A customer id is needed."] } };
  try {
    const db = await getDb();
    const known = await mirrorCustomerExists(db, { merchantId: seller.merchantId, customerId: await resolveCustomerId(db, { merchantId: seller.merchantId, customerId: id.data }) });
    if (!known) throw new AppError("NOT_FOUND", "No such customer.");
    // The seller is waiting on the button: the interactive client's retries, not the background sync's
    // (whose backoff can run for half a minute before a failing Square is reported).
    return ok(await refreshCustomerLive({ db, square: () => squareFor(seller) }, seller.merchantId, id.data));
  } catch (err) {
    return toActionError(err);
  }
}
