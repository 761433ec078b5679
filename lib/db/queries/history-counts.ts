import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../open";
import type { OrderExportParams, PaymentExportParams } from "./exports";
import { channelOf, orderConditions, paymentConditions, PATRON_CHECKOUT } from "./history-filters";
import { num, rowsOf, textArray } from "./mirror-sql";
import { dayRange, planFor, type SalesPlan } from "./sales-source";

/**
 * The Orders and Payments pages' totals and Source choices for a range, from the per-day counts
 * (mirror_order_days, mirror_payment_days) where they answer it exactly (sales-source.ts' plan), and
 * from the rows for the rest. The counts hold Square's source names; the few orders Patron's own
 * checkout made (checkout_attempts) are moved to "Patron checkout" here, as channelOf does.
 */

const madeByPatron = (m: string, alias: string) =>
  sql`${sql.raw(alias)}.id IN (SELECT a.order_id FROM checkout_attempts a WHERE a.merchant_id = ${m} AND a.order_id IS NOT NULL)`;

const inRolled = (plan: SalesPlan, alias: string) =>
  plan.everyLocationRolled ? sql`` : sql`AND coalesce(${sql.raw(alias)}.location_id, '') = ANY(${textArray(plan.rolled)})`;
const inLive = (plan: SalesPlan, alias: string) => (plan.live === "all" ? sql`` : sql`AND coalesce(${sql.raw(alias)}.location_id, '') = ANY(${textArray(plan.live)})`);
const hasLive = (plan: SalesPlan) => plan.live === "all" || plan.live.length > 0;

/** A Source filter as Square's source names (Patron checkout aside), and whether it names Patron checkout. */
function splitSources(sources: string[] | undefined) {
  return { square: (sources ?? []).filter((s) => s !== PATRON_CHECKOUT), patron: !!sources?.includes(PATRON_CHECKOUT) };
}

/** How many orders the Orders page's filters match. */
export async function countOrders(db: Db, p: OrderExportParams): Promise<number> {
  const m = p.merchantId;
  const plan = await planFor(db, { merchantId: m, from: p.from, to: p.to, locationId: p.locationId });
  const live = sql`SELECT count(*) FROM mirror_orders o WHERE o.merchant_id = ${m} ${orderConditions(p)} ${inLive(plan, "o")}`;
  if (plan.live === "all") return total(db, live);
  const { square, patron } = splitSources(p.sources);
  const attribution = p.withoutCustomer ? sql`AND attribution = 'none'` : p.withCustomer ? sql`AND attribution = 'customer'` : sql``;
  const rolled = sql`SELECT coalesce(sum(orders), 0) FROM mirror_order_days WHERE merchant_id = ${m} AND ${dayRange(plan)}
    ${p.states?.length ? sql`AND state = ANY(${textArray(p.states)})` : sql``} ${attribution}
    ${p.sources?.length ? sql`AND source = ANY(${textArray(square)})` : sql``}`;
  // Patron's own orders of the rolled-up locations, counted under their Square source name there.
  const patronOrders = (where: SQL) =>
    sql`SELECT count(*) FROM mirror_orders o WHERE o.merchant_id = ${m} AND ${madeByPatron(m, "o")} ${orderConditions({ ...p, sources: undefined })} ${inRolled(plan, "o")} ${where}`;
  const parts = [rolled];
  if (p.sources?.length) {
    parts.push(sql`-(${patronOrders(sql`AND coalesce(o.source_name, 'Unknown') = ANY(${textArray(square)})`)})`);
    if (patron) parts.push(patronOrders(sql``));
  }
  if (hasLive(plan)) parts.push(live);
  return total(db, sql.join(parts.map((part) => sql`(${part})`), sql` + `));
}

/** How many payments the Payments page's filters match. */
export async function countPayments(db: Db, p: PaymentExportParams): Promise<number> {
  const m = p.merchantId;
  const plan = await planFor(db, { merchantId: m, from: p.from, to: p.to, locationId: p.locationId });
  const live = sql`SELECT count(*) FROM mirror_payments p LEFT JOIN mirror_orders o ON o.merchant_id = p.merchant_id AND o.id = p.order_id
    WHERE p.merchant_id = ${m} ${paymentConditions(p)} ${inLive(plan, "p")}`;
  if (plan.live === "all") return total(db, live);
  const { square, patron } = splitSources(p.sources);
  const rolled = sql`SELECT coalesce(sum(payments), 0) FROM mirror_payment_days WHERE merchant_id = ${m} AND ${dayRange(plan)}
    ${p.statuses?.length ? sql`AND status = ANY(${textArray(p.statuses)})` : sql``} ${p.cardBrands?.length ? sql`AND card_brand = ANY(${textArray(p.cardBrands)})` : sql``}
    ${p.withoutCustomer ? sql`AND NOT attributed` : p.withCustomer ? sql`AND attributed` : sql``}
    ${p.sources?.length ? sql`AND source = ANY(${textArray(square)})` : sql``}`;
  const patronPayments = (where: SQL) =>
    sql`SELECT count(*) FROM mirror_payments p JOIN mirror_orders o ON o.merchant_id = p.merchant_id AND o.id = p.order_id
      WHERE p.merchant_id = ${m} AND ${madeByPatron(m, "o")} ${paymentConditions({ ...p, sources: undefined })} ${inRolled(plan, "p")} ${where}`;
  const parts = [rolled];
  if (p.sources?.length) {
    parts.push(sql`-(${patronPayments(sql`AND coalesce(o.source_name, 'Unknown') = ANY(${textArray(square)})`)})`);
    if (patron) parts.push(patronPayments(sql``));
  }
  if (hasLive(plan)) parts.push(live);
  return total(db, sql.join(parts.map((part) => sql`(${part})`), sql` + `));
}

/** The channels sales came through in a range (the Source filter's choices), most used first. */
export async function listSources(db: Db, params: { merchantId: string; from: string; to: string; locationId?: string }): Promise<string[]> {
  const m = params.merchantId;
  const plan = await planFor(db, params);
  const live = sql`SELECT ${channelOf("o", m)} AS source, count(*) AS n FROM mirror_orders o WHERE o.merchant_id = ${m} ${orderConditions(params)} ${inLive(plan, "o")} GROUP BY 1`;
  const parts =
    plan.live === "all"
      ? [live]
      : [
          sql`SELECT source, sum(orders) AS n FROM mirror_order_days WHERE merchant_id = ${m} AND ${dayRange(plan)} GROUP BY 1`,
          sql`SELECT coalesce(o.source_name, 'Unknown'), -count(*) FROM mirror_orders o WHERE o.merchant_id = ${m} AND ${madeByPatron(m, "o")} ${orderConditions(params)} ${inRolled(plan, "o")} GROUP BY 1`,
          sql`SELECT ${PATRON_CHECKOUT}::text, count(*) FROM mirror_orders o WHERE o.merchant_id = ${m} AND ${madeByPatron(m, "o")} ${orderConditions(params)} ${inRolled(plan, "o")}`,
          ...(hasLive(plan) ? [live] : []),
        ];
  const rows = rowsOf<{ source: string }>(
    await db.execute(sql`SELECT source FROM (SELECT source, sum(n) AS n FROM (${sql.join(parts, sql` UNION ALL `)}) x GROUP BY 1) y WHERE n > 0 ORDER BY n DESC, source`),
  );
  return rows.map((r) => r.source);
}

async function total(db: Db, expression: SQL): Promise<number> {
  return num(rowsOf<{ n: unknown }>(await db.execute(sql`SELECT (${expression}) AS n`))[0]?.n);
}
