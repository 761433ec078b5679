import { randomUUID } from "node:crypto";
import type { Square, SquareClient } from "square";
import { connectSeller, type LocalSquareSeller } from "@/lib/checkout/test-support/checkout-seller";
import { REQUESTED_SCOPES } from "@/lib/auth/scopes";
import type { Db } from "@/lib/db/client";
import { createSquareClient } from "@/lib/square/client";
import type { SquareConfig } from "@/lib/square/config";
import { toCustomerRecord } from "@/lib/square/customers";
import { applyToMirror } from "@/lib/sync/apply";
import type { CustomerOpsContext } from "../context";

// Test helpers for the customer actions; structural types only, so nothing here imports the local Square.

export type LocalSellerWithClient = LocalSquareSeller & { applicationId: string; client: SquareClient };

export interface OpsSeller {
  square: LocalSellerWithClient;
  ctx: CustomerOpsContext;
}

export const TEST_PAGE_META = { userAgent: "vitest customers", ip: "203.0.113.9" };

/** A local Square seller connected to Patron, and the context its signed-in session's actions would run with. */
export async function opsSeller(
  db: Db,
  square: LocalSellerWithClient,
  config: SquareConfig,
  opts: { scopes?: string[]; chargeMaxAmount?: number; businessName?: string } = {},
): Promise<OpsSeller> {
  const businessName = opts.businessName ?? `Ops Café ${randomUUID().slice(0, 6)}`;
  await connectSeller(db, square, businessName);
  const ctx: CustomerOpsContext = {
    db,
    seller: { merchantId: square.merchantId, businessName, mainLocationId: square.locationId, country: "US", currency: "USD", scopes: opts.scopes ?? [...REQUESTED_SCOPES] },
    square: async () => createSquareClient(config, square.accessToken),
    actor: `seller:${square.merchantId}`,
    chargeMaxAmount: opts.chargeMaxAmount ?? 500_000,
    meta: { page: "/customers/test", ...TEST_PAGE_META },
  };
  return { square, ctx };
}

/** A customer created at the local Square and copied to the seller's mirror, as the sync would. */
export async function mirroredCustomer(s: OpsSeller, fields: Partial<Square.CreateCustomerRequest> = {}): Promise<string> {
  const { customer } = await s.square.client.customers.create({ idempotencyKey: randomUUID(), givenName: "Ada", familyName: "Lovelace", ...fields });
  await applyToMirror(s.ctx.db, s.square.merchantId, { fetchedAt: new Date(), customers: [toCustomerRecord(customer!)] });
  return customer!.id!;
}

export const newAttempt = () => randomUUID();
