import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { channelOf } from "./history-filters";
import { isoOrNull, num, rowsOf } from "./mirror-sql";
import { listPayments, type PaymentSummary } from "./payments";

export interface PaymentCard {
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  /** CREDIT, DEBIT… */
  cardType: string | null;
  /** KEYED, ON_FILE, EMV… */
  entryMethod: string | null;
  /** AUTHORIZED, CAPTURED, VOIDED, FAILED. */
  status: string | null;
  cvvStatus: string | null;
  avsStatus: string | null;
}

export interface PaymentDetail extends PaymentSummary {
  updatedAt: string | null;
  amount: Money;
  locationName: string | null;
  timezone: string | null;
  buyerEmailAddress: string | null;
  note: string | null;
  /** Present for card and gift card payments. */
  card: PaymentCard | null;
  /** The customer id on the payment's tender on its order, as Square recorded it. */
  tenderCustomerId: string | null;
  order: { id: string; state: string | null; total: Money; createdAt: string | null; items: string } | null;
}

/** One payment of this seller with its card, tender and order, or null (another seller's id too). */
export async function getPaymentDetail(db: Db, { merchantId: m, paymentId }: { merchantId: string; paymentId: string }): Promise<PaymentDetail | null> {
  const [summary] = (await listPayments(db, { merchantId: m, paymentId, limit: 1 })).payments;
  if (!summary) return null;
  const [r] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT p.updated_at, p.amount, p.buyer_email_address, p.raw->>'note' AS note, p.raw->'card_details' AS card_details,
        l.name AS location_name, l.timezone,
        (SELECT t.customer_id FROM mirror_order_tenders t WHERE t.merchant_id = ${m} AND t.payment_id = p.id LIMIT 1) AS tender_customer_id,
        o.id AS order_id, o.state AS order_state, o.total_amount AS order_total, o.created_at AS order_created_at, ${channelOf("o", m)} AS channel,
        (SELECT string_agg(li.quantity || ' × ' || coalesce(li.name, 'Item'), ', ' ORDER BY li.position)
          FROM mirror_order_line_items li WHERE li.merchant_id = ${m} AND li.order_id = o.id) AS items
      FROM mirror_payments p
      LEFT JOIN mirror_locations l ON l.merchant_id = p.merchant_id AND l.id = p.location_id
      LEFT JOIN mirror_orders o ON o.merchant_id = p.merchant_id AND o.id = p.order_id
      WHERE p.merchant_id = ${m} AND p.id = ${paymentId}`),
  );
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const currency = summary.total.currency;
  const details = parseObject(r?.card_details);
  const card = parseObject(details?.card);
  return {
    ...summary,
    updatedAt: isoOrNull(r?.updated_at),
    amount: { amount: num(r?.amount), currency },
    locationName: str(r?.location_name),
    timezone: str(r?.timezone),
    buyerEmailAddress: str(r?.buyer_email_address),
    note: str(r?.note),
    card: details
      ? {
          brand: str(card?.card_brand) ?? summary.cardBrand,
          last4: str(card?.last_4) ?? summary.last4,
          expMonth: card?.exp_month === undefined || card?.exp_month === null ? null : num(card.exp_month),
          expYear: card?.exp_year === undefined || card?.exp_year === null ? null : num(card.exp_year),
          cardType: str(card?.card_type),
          entryMethod: str(details.entry_method),
          status: str(details.status),
          cvvStatus: str(details.cvv_status),
          avsStatus: str(details.avs_status),
        }
      : null,
    tenderCustomerId: str(r?.tender_customer_id),
    order: r?.order_id
      ? { id: String(r.order_id), state: str(r.order_state), total: { amount: num(r.order_total), currency }, createdAt: isoOrNull(r.order_created_at), items: str(r.items) ?? "" }
      : null,
  };
}

function parseObject(v: unknown): Record<string, unknown> | null {
  const value = typeof v === "string" ? JSON.parse(v) : v;
  return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
}
