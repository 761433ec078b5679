import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { EncryptedToken } from "@/lib/crypto/token-cipher";
import type { Db } from "../open";
import { sellers } from "../schema";

/** What the app may know about a seller; tokens stay behind getSellerCredentials. */
export interface Seller {
  merchantId: string;
  businessName: string;
  mainLocationId: string | null;
  country: string | null;
  currency: string | null;
  scopes: string[];
  connectedAt: Date | null;
}

export interface SellerCredentials {
  merchantId: string;
  accessToken: EncryptedToken;
  refreshToken: EncryptedToken;
  accessTokenExpiresAt: Date;
}

export interface SellerParams {
  merchantId: string;
}

export interface UpsertSellerParams extends SellerParams {
  businessName: string;
  mainLocationId: string | null;
  country: string | null;
  currency: string | null;
  scopes: string[];
  accessToken: EncryptedToken;
  refreshToken: EncryptedToken;
  accessTokenExpiresAt: Date;
}

const profile = {
  merchantId: sellers.merchantId,
  businessName: sellers.businessName,
  mainLocationId: sellers.mainLocationId,
  country: sellers.country,
  currency: sellers.currency,
  scopes: sellers.scopes,
  connectedAt: sellers.connectedAt,
};

/** Records a (re-)authorization: a seller signing in again gets fresh tokens and scopes. */
export async function upsertSeller(db: Db, params: UpsertSellerParams): Promise<Seller> {
  const now = new Date();
  const values = {
    businessName: params.businessName,
    mainLocationId: params.mainLocationId,
    country: params.country,
    currency: params.currency,
    scopes: params.scopes,
    accessTokenEncrypted: params.accessToken,
    refreshTokenEncrypted: params.refreshToken,
    accessTokenExpiresAt: params.accessTokenExpiresAt,
    connectedAt: now,
    disconnectedAt: null,
    updatedAt: now,
  };
  const [row] = await db
    .insert(sellers)
    .values({ merchantId: params.merchantId, ...values })
    .onConflictDoUpdate({ target: sellers.merchantId, set: values })
    .returning(profile);
  return row;
}

/** A connected seller (one that has tokens), or undefined. */
export async function getSeller(db: Db, { merchantId }: SellerParams): Promise<Seller | undefined> {
  const [row] = await db
    .select(profile)
    .from(sellers)
    .where(and(eq(sellers.merchantId, merchantId), isNotNull(sellers.accessTokenEncrypted)));
  return row;
}

export async function getSellerCredentials(db: Db, { merchantId }: SellerParams): Promise<SellerCredentials | undefined> {
  const [row] = await db
    .select({
      merchantId: sellers.merchantId,
      accessToken: sellers.accessTokenEncrypted,
      refreshToken: sellers.refreshTokenEncrypted,
      accessTokenExpiresAt: sellers.accessTokenExpiresAt,
    })
    .from(sellers)
    .where(eq(sellers.merchantId, merchantId));
  if (!row?.accessToken || !row.refreshToken || !row.accessTokenExpiresAt) return undefined;
  return {
    merchantId: row.merchantId,
    accessToken: row.accessToken as EncryptedToken,
    refreshToken: row.refreshToken as EncryptedToken,
    accessTokenExpiresAt: row.accessTokenExpiresAt,
  };
}

export interface UpdateSellerTokensParams extends SellerParams {
  accessToken: EncryptedToken;
  refreshToken: EncryptedToken;
  accessTokenExpiresAt: Date;
  scopes?: string[];
}

/** Stores refreshed tokens; a seller who disconnected meanwhile stays disconnected. */
export async function updateSellerTokens(db: Db, params: UpdateSellerTokensParams): Promise<boolean> {
  const updated = await db
    .update(sellers)
    .set({
      accessTokenEncrypted: params.accessToken,
      refreshTokenEncrypted: params.refreshToken,
      accessTokenExpiresAt: params.accessTokenExpiresAt,
      ...(params.scopes ? { scopes: params.scopes } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(sellers.merchantId, params.merchantId), isNotNull(sellers.accessTokenEncrypted)))
    .returning({ merchantId: sellers.merchantId });
  return updated.length > 0;
}

/** Forgets the seller's tokens; their row (and history) stays until they are deleted for good. */
export async function disconnectSeller(db: Db, { merchantId }: SellerParams): Promise<void> {
  const now = new Date();
  await db
    .update(sellers)
    .set({ accessTokenEncrypted: null, refreshTokenEncrypted: null, accessTokenExpiresAt: null, disconnectedAt: now, updatedAt: now })
    .where(eq(sellers.merchantId, merchantId));
}
