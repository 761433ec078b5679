import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, textArray } from "@/lib/db/queries/mirror-sql";
import type { Card } from "@/lib/square/types";
import { columnList, jsonRows, setExcluded, type RowColumn } from "./json-rows";
import { latestById } from "./latest";
import type { Tx } from "./mirror-lock";

const COLUMNS: RowColumn[] = [
  ["id", "text"],
  ["customer_id", "text"],
  ["card_brand", "text"],
  ["last_4", "text"],
  ["exp_month", "integer"],
  ["exp_year", "integer"],
  ["cardholder_name", "text"],
  ["fingerprint", "text"],
  ["card_type", "text"],
  ["bin", "text"],
  ["reference_id", "text"],
  ["enabled", "boolean"],
  ["version", "bigint"],
  ["created_at", "timestamptz"],
  ["disabled_at", "timestamptz"],
  ["raw", "jsonb"],
  ["fetched_at", "timestamptz"],
];

/**
 * Writes cards fetched from Square at `fetchedAt`, never over a newer version (equal versions go
 * to the later fetch). Returns the customer ids (as recorded) whose cards were added, moved or
 * enabled/disabled: the only changes a card-count aggregate sees (a full listing rewrites many).
 */
export async function upsertCards(tx: Tx, merchantId: string, cards: Card[], fetchedAt: Date): Promise<string[]> {
  const latest = latestById(cards, (c) => [c.version]);
  if (!latest.length) return [];
  const before = new Map(
    rowsOf<{ id: string; customer_id: string | null; enabled: boolean }>(
      await tx.execute(sql`SELECT id, customer_id, enabled FROM mirror_cards WHERE merchant_id = ${merchantId} AND id = ANY(${textArray(latest.map((c) => c.id))})`),
    ).map((r) => [r.id, r]),
  );
  const rows = latest.map((c) => ({
    id: c.id,
    customer_id: c.customerId,
    card_brand: c.cardBrand,
    last_4: c.last4,
    exp_month: c.expMonth,
    exp_year: c.expYear,
    cardholder_name: c.cardholderName,
    fingerprint: c.fingerprint,
    card_type: c.cardType,
    bin: c.bin,
    reference_id: c.referenceId,
    enabled: c.enabled,
    version: c.version,
    created_at: c.createdAt,
    disabled_at: c.disabledAt,
    raw: c.raw,
    fetched_at: fetchedAt,
  }));
  const written = rowsOf<{ id: string; customer_id: string | null; enabled: boolean }>(
    await tx.execute(sql`
      INSERT INTO mirror_cards AS t (merchant_id, ${columnList(COLUMNS)})
      SELECT ${merchantId}, ${columnList(COLUMNS, "r.")} FROM ${jsonRows(rows, COLUMNS)}
      ON CONFLICT (merchant_id, id) DO UPDATE SET ${setExcluded(COLUMNS.slice(1))}
      WHERE (t.version, t.fetched_at) <= (excluded.version, excluded.fetched_at)
      RETURNING t.id, t.customer_id, t.enabled`),
  );
  const customers = new Set<string>();
  for (const r of written) {
    const old = before.get(r.id);
    if (old && old.customer_id === r.customer_id && old.enabled === r.enabled) continue;
    for (const id of [r.customer_id, old?.customer_id]) if (id) customers.add(id);
  }
  return [...customers];
}
