import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getSeller, type Seller } from "@/lib/db/queries/sellers";
import { getAuthOptions } from "./options";

export type { Seller } from "@/lib/db/queries/sellers";

/**
 * The signed-in, still-connected seller, or null. Every server-side read and write starts here and
 * passes this seller's id on, so nothing can reach another seller's data: ids that arrive from the
 * browser are only ever looked up within this seller's scope.
 */
export const getCurrentSeller = cache(async (): Promise<Seller | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.merchantId) return null;
  return (await getSeller(await getDb(), { merchantId: session.merchantId })) ?? null;
});

/** For pages, layouts and actions: the seller, or a redirect to sign in. */
export async function requireSeller(): Promise<Seller> {
  const seller = await getCurrentSeller();
  if (!seller) redirect("/login");
  return seller;
}
