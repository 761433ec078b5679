import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../open";
import { checkoutAttempts } from "../schema/checkout-attempts";
import { checkoutLinks, type CheckoutLinkLineItem, type CheckoutLinkRow } from "../schema/checkout-links";
import { sellers } from "../schema/sellers";

export type CheckoutLink = Omit<CheckoutLinkRow, "merchantId">;

/** What a seller enters for a link; amounts in minor units. */
export interface CheckoutLinkFields {
  title: string;
  locationId: string;
  currency: string;
  pricing: "items" | "open";
  lineItems: CheckoutLinkLineItem[];
  openMinAmount: number | null;
  openMaxAmount: number | null;
  offerSaveCard: boolean;
  active: boolean;
}

export interface CheckoutLinkWithStats extends CheckoutLink {
  paymentCount: number;
  /** Sum of completed checkouts' amounts, in the link's currency's minor units. */
  revenue: number;
}

export interface SellerLinkParams {
  merchantId: string;
  linkId: string;
}

export async function createCheckoutLink(db: Db, params: { merchantId: string; id: string } & CheckoutLinkFields): Promise<CheckoutLink> {
  const [row] = await db.insert(checkoutLinks).values(params).returning();
  return withoutSeller(row);
}

/** Inserts links that do not exist yet (by id); used for the local demo links. */
export async function insertCheckoutLinksIfMissing(db: Db, merchantId: string, links: ({ id: string } & CheckoutLinkFields)[]): Promise<number> {
  if (links.length === 0) return 0;
  const rows = await db
    .insert(checkoutLinks)
    .values(links.map((l) => ({ ...l, merchantId })))
    .onConflictDoNothing()
    .returning({ id: checkoutLinks.id });
  return rows.length;
}

export async function updateCheckoutLink(db: Db, params: SellerLinkParams & CheckoutLinkFields): Promise<CheckoutLink | undefined> {
  const { merchantId, linkId, ...fields } = params;
  const [row] = await db
    .update(checkoutLinks)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(checkoutLinks.merchantId, merchantId), eq(checkoutLinks.id, linkId)))
    .returning();
  return row && withoutSeller(row);
}

export async function setCheckoutLinkActive(db: Db, params: SellerLinkParams & { active: boolean }): Promise<boolean> {
  const rows = await db
    .update(checkoutLinks)
    .set({ active: params.active, updatedAt: new Date() })
    .where(and(eq(checkoutLinks.merchantId, params.merchantId), eq(checkoutLinks.id, params.linkId)))
    .returning({ id: checkoutLinks.id });
  return rows.length > 0;
}

export async function deleteCheckoutLink(db: Db, params: SellerLinkParams): Promise<boolean> {
  const rows = await db
    .delete(checkoutLinks)
    .where(and(eq(checkoutLinks.merchantId, params.merchantId), eq(checkoutLinks.id, params.linkId)))
    .returning({ id: checkoutLinks.id });
  return rows.length > 0;
}

export async function getCheckoutLink(db: Db, { merchantId, linkId }: SellerLinkParams): Promise<CheckoutLink | undefined> {
  const [row] = await db
    .select()
    .from(checkoutLinks)
    .where(and(eq(checkoutLinks.merchantId, merchantId), eq(checkoutLinks.id, linkId)));
  return row && withoutSeller(row);
}

export async function countCheckoutLinks(db: Db, { merchantId }: { merchantId: string }): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(checkoutLinks).where(eq(checkoutLinks.merchantId, merchantId));
  return row?.n ?? 0;
}

/** The seller's links, newest first, each with its completed checkouts counted from Patron's own records. */
export async function listCheckoutLinks(db: Db, { merchantId }: { merchantId: string }): Promise<CheckoutLinkWithStats[]> {
  const stats = db
    .select({
      linkId: checkoutAttempts.linkId,
      paymentCount: sql<number>`count(*)::int`.as("payment_count"),
      revenue: sql<string>`coalesce(sum(${checkoutAttempts.amount}), 0)::text`.as("revenue"),
    })
    .from(checkoutAttempts)
    .where(and(eq(checkoutAttempts.merchantId, merchantId), eq(checkoutAttempts.status, "completed")))
    .groupBy(checkoutAttempts.linkId)
    .as("stats");
  const rows = await db
    .select({ link: checkoutLinks, paymentCount: stats.paymentCount, revenue: stats.revenue })
    .from(checkoutLinks)
    .leftJoin(stats, eq(stats.linkId, checkoutLinks.id))
    .where(eq(checkoutLinks.merchantId, merchantId))
    .orderBy(desc(checkoutLinks.createdAt), desc(checkoutLinks.id));
  return rows.map((r) => ({ ...withoutSeller(r.link), paymentCount: r.paymentCount ?? 0, revenue: Number(r.revenue ?? 0) }));
}

/** A link as the public page sees it: only when active and its seller still connected, with the business name. */
export interface PublicCheckoutLink extends CheckoutLink {
  merchantId: string;
  businessName: string;
  sellerCountry: string | null;
}

export async function getActiveCheckoutLink(db: Db, { linkId }: { linkId: string }): Promise<PublicCheckoutLink | undefined> {
  const [row] = await db
    .select({ link: checkoutLinks, businessName: sellers.businessName, country: sellers.country })
    .from(checkoutLinks)
    .innerJoin(sellers, eq(sellers.merchantId, checkoutLinks.merchantId))
    .where(and(eq(checkoutLinks.id, linkId), eq(checkoutLinks.active, true), isNotNull(sellers.accessTokenEncrypted)));
  if (!row) return undefined;
  return { ...row.link, businessName: row.businessName, sellerCountry: row.country };
}

function withoutSeller({ merchantId: _seller, ...link }: CheckoutLinkRow): CheckoutLink {
  return link;
}
