import "server-only";
import { getCustomerProfile, type CustomerProfile } from "@/lib/db/queries/customer-profile";
import { AppError } from "@/lib/errors";
import type { CustomerOpsContext } from "./context";

/**
 * The customer an action names, found in the signed-in seller's mirror by any of their ids (a
 * merged-away id gives the surviving profile, the one Square wants for writes). Another seller's
 * id, an unknown one or a deleted profile is NOT_FOUND before Square is asked anything.
 */
export async function requireCustomer(ctx: CustomerOpsContext, customerId: string): Promise<CustomerProfile> {
  const profile = await getCustomerProfile(ctx.db, { merchantId: ctx.seller.merchantId, customerId });
  if (!profile) throw new AppError("NOT_FOUND", "No such customer.");
  if (profile.deleted) throw new AppError("NOT_FOUND", "This customer was deleted in Square.");
  return profile;
}
