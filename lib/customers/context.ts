import "server-only";
import type { Db } from "@/lib/db/client";
import type { Seller } from "@/lib/db/queries/sellers";
import type { SquareClient } from "@/lib/square/client";

/** What the page that started an action tells about the request (recorded with card consents). */
export interface RequestMeta {
  page: string;
  userAgent: string | null;
  ip: string | null;
}

/**
 * Everything a dashboard write on a customer runs with: the signed-in seller (every id from the
 * browser is looked up within their mirror), their Square client, who to name in the audit log and
 * the charge limit. The server actions build it from the session; tests build their own.
 */
export interface CustomerOpsContext {
  db: Db;
  seller: Pick<Seller, "merchantId" | "businessName" | "mainLocationId" | "country" | "currency" | "scopes">;
  square(): Promise<SquareClient>;
  /** The audit log's actor: the signed-in seller's account. */
  actor: string;
  /** The most one charge on file may be, in minor units (PATRON_CHARGE_MAX_AMOUNT). */
  chargeMaxAmount: number;
  meta: RequestMeta;
}

export const sellerCurrency = (ctx: CustomerOpsContext): string => ctx.seller.currency ?? "USD";
