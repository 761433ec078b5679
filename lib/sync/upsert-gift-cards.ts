import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, textArray } from "@/lib/db/queries/mirror-sql";
import type { GiftCard } from "@/lib/square/types";
import { columnList, jsonRows, setExcluded, type RowColumn } from "./json-rows";
import type { Tx } from "./mirror-lock";

const COLUMNS: RowColumn[] = [
  ["id", "text"],
  ["gan", "text"],
  ["type", "text"],
  ["state", "text"],
  ["balance_amount", "bigint"],
  ["currency", "text"],
  ["created_at", "timestamptz"],
  ["raw", "jsonb"],
  ["fetched_at", "timestamptz"],
];
const LINK: RowColumn[] = [
  ["gift_card_id", "text"],
  ["customer_id", "text"],
];

/**
 * Writes gift cards fetched at `fetchedAt`. They have no version, so a state fetched earlier never
 * replaces one fetched later. Each written card's customer links are replaced; returns the customer
 * ids (as recorded) linked or unlinked, whose gift card counts changed.
 */
export async function upsertGiftCards(tx: Tx, merchantId: string, giftCards: GiftCard[], fetchedAt: Date): Promise<string[]> {
  const byId = new Map(giftCards.map((g) => [g.id, g]));
  if (!byId.size) return [];
  const rows = [...byId.values()].map((g) => ({
    id: g.id,
    gan: g.gan,
    type: g.type,
    state: g.state,
    balance_amount: g.balance?.amount ?? 0,
    currency: g.balance?.currency ?? null,
    created_at: g.createdAt,
    raw: g.raw,
    fetched_at: fetchedAt,
  }));
  const written = rowsOf<{ id: string }>(
    await tx.execute(sql`
      INSERT INTO mirror_gift_cards AS t (merchant_id, ${columnList(COLUMNS)})
      SELECT ${merchantId}, ${columnList(COLUMNS, "r.")} FROM ${jsonRows(rows, COLUMNS)}
      ON CONFLICT (merchant_id, id) DO UPDATE SET ${setExcluded(COLUMNS.slice(1))}
      WHERE t.fetched_at <= excluded.fetched_at
      RETURNING t.id`),
  ).map((r) => r.id);
  if (!written.length) return [];

  const before = rowsOf<{ gift_card_id: string; customer_id: string }>(
    await tx.execute(sql`DELETE FROM mirror_gift_card_customers WHERE merchant_id = ${merchantId} AND gift_card_id = ANY(${textArray(written)}) RETURNING gift_card_id, customer_id`),
  );
  const links = written.flatMap((id) => [...new Set(byId.get(id)!.customerIds)].map((customerId) => ({ gift_card_id: id, customer_id: customerId })));
  if (links.length)
    await tx.execute(sql`INSERT INTO mirror_gift_card_customers (merchant_id, ${columnList(LINK)}) SELECT ${merchantId}, ${columnList(LINK, "r.")} FROM ${jsonRows(links, LINK)}`);
  // Only links that appeared or went change anyone's gift card count.
  const key = (l: { gift_card_id: string; customer_id: string }) => `${l.gift_card_id}\u0000${l.customer_id}`;
  const was = new Set(before.map(key));
  const now = new Set(links.map(key));
  const touched = new Set<string>();
  for (const l of before) if (!now.has(key(l))) touched.add(l.customer_id);
  for (const l of links) if (!was.has(key(l))) touched.add(l.customer_id);
  return [...touched];
}
