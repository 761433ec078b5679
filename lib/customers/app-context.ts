import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/checkout/rate-limit";
import { getDb } from "@/lib/db/client";
import type { Seller } from "@/lib/db/queries/sellers";
import { getEnv } from "@/lib/env";
import { squareFor } from "@/lib/square/for-seller";
import type { CustomerOpsContext } from "./context";

/** The context of a server action for the signed-in seller (pass requireSeller()'s result). */
export async function appCustomerOpsContext(seller: Seller, page: string): Promise<CustomerOpsContext> {
  const env = getEnv();
  const h = await headers();
  return {
    db: await getDb(),
    seller,
    square: () => squareFor(seller),
    actor: `seller:${seller.merchantId}`,
    chargeMaxAmount: env.PATRON_CHARGE_MAX_AMOUNT,
    meta: { page, userAgent: h.get("user-agent")?.slice(0, 512) ?? null, ip: clientIp(h.get("x-forwarded-for"), env.PATRON_FORWARDED_FOR_HOPS) },
  };
}

/** The 360 page an action was started from, recorded with card consents: /customers/<id>. */
export function customerPage(input: unknown): string {
  const id = (input as { customerId?: unknown } | null)?.customerId;
  return typeof id === "string" && /^[\w:-]{1,191}$/.test(id) ? `/customers/${id}` : "/customers";
}
