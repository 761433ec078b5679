/**
 * `node --expose-gc --conditions=react-server --import tsx bench/history-export.ts` — a benchmark, not a
 * test.
 *
 * Fills an in-memory PGlite mirror with BENCH_ROWS (100,000) orders and payments of 10,000
 * customers (every tenth sale with no customer), then streams the payments and orders CSV exports
 * through the same code as GET /api/exports/[table], reading the body as a slow client would, and
 * prints the time, the size and how far the process's memory rose above where it started (sampled
 * after every chunk). Constant memory means the rise does not grow with the row count: compare
 * BENCH_ROWS=10000 with 100000. BENCH_DATABASE_URL uses a PostgreSQL server instead.
 */
import { sql } from "drizzle-orm";
import { openDb } from "../lib/db/open";
import type { Seller } from "../lib/db/queries/sellers";
import { runExport } from "../lib/reports/exports/run-export";
import { inMirrorTransaction } from "../lib/sync/mirror-lock";
import { rebuildSalesRollups } from "../lib/sync/sales-rollups";
import { insertSeller } from "../test/sync/sellers";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  if (!global.gc) throw new Error("Run with node --expose-gc (see the comment at the top).");
  const handle = await openDb(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : { dataDir: undefined });
  const db = handle.db;
  const m = await insertSeller(db, { mainLocationId: "LOC1" });
  const t0 = performance.now();
  await db.execute(sql`INSERT INTO mirror_locations (merchant_id, id, name, timezone, currency) VALUES (${m}, 'LOC1', 'Café', 'America/Los_Angeles', 'USD')`);
  await db.execute(sql`
    INSERT INTO mirror_customers (merchant_id, id, given_name, family_name, email_address, raw)
    SELECT ${m}, 'C' || g, 'Given' || g, 'Family, "' || g || '"', 'c' || g || '@example.com', '{}'::jsonb FROM generate_series(1, 10000) g`);
  // Sales spread over the 365 days before 2026-01-01, one payment per order.
  await db.execute(sql`
    INSERT INTO mirror_orders (merchant_id, id, location_id, state, source_name, currency, total_amount, created_at, raw, fetched_at)
    SELECT ${m}, 'O' || lpad(g::text, 7, '0'), 'LOC1', 'COMPLETED', CASE WHEN g % 10 = 1 THEN 'Square Online' ELSE 'Square Point of Sale' END, 'USD',
      500 + g % 3000, '2025-01-01T08:00:00Z'::timestamptz + (g * (365 * 86400.0 / ${ROWS})) * interval '1 second',
      jsonb_build_object('id', 'O' || g, 'line_items', jsonb_build_array(jsonb_build_object('name', 'Latte', 'quantity', '1'))), now()
    FROM generate_series(1, ${ROWS}) g`);
  await db.execute(sql`
    INSERT INTO mirror_payments (merchant_id, id, order_id, location_id, customer_id, status, source_type, currency, amount, total_amount, card_brand, last_4,
      receipt_number, created_at, raw, fetched_at, attributed_customer_id, attribution_source)
    SELECT o.merchant_id, 'P' || substr(o.id, 2), o.id, 'LOC1', c.id, 'COMPLETED', 'CARD', 'USD', o.total_amount, o.total_amount, 'VISA', '1111',
      substr(o.id, 2, 4), o.created_at, jsonb_build_object('receipt_url', 'https://squareup.com/receipt/preview/P' || o.id), now(), c.id, CASE WHEN c.id IS NULL THEN 'none' ELSE 'payment' END
    FROM mirror_orders o LEFT JOIN LATERAL (SELECT CASE WHEN substr(o.id, 2)::int % 10 = 0 THEN NULL ELSE 'C' || (1 + substr(o.id, 2)::int % 10000) END AS id) c ON true
    WHERE o.merchant_id = ${m}`);
  await db.execute(sql`
    INSERT INTO mirror_order_customers (merchant_id, order_id, customer_id, source, order_created_at, order_state, order_total_amount)
    SELECT p.merchant_id, p.order_id, p.attributed_customer_id, p.attribution_source, p.created_at, 'COMPLETED', p.total_amount FROM mirror_payments p WHERE p.merchant_id = ${m}`);
  // Built straight into the tables (no app path does that): rebuild the rollups as a backfill's end would.
  await inMirrorTransaction(db, m, (tx) => rebuildSalesRollups(tx, m));
  await db.execute(sql`ANALYZE`);
  console.log(`Mirror of ${ROWS.toLocaleString("en-US")} orders and payments built in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

  const seller: Seller = { merchantId: m, businessName: "Bench", mainLocationId: "LOC1", country: "US", currency: "USD", scopes: ["PAYMENTS_READ", "ORDERS_READ"], connectedAt: null };
  for (const table of ["payments", "orders"]) {
    global.gc!();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    let peakLive = base.heapUsed;
    let chunks = 0;
    // Sampled after every chunk: PGlite answers through microtasks, so a timer might never get a turn.
    // Every tenth chunk a full GC first: what is still reachable, not garbage waiting for collection.
    const sample = () => {
      if (++chunks % 10 === 0) {
        global.gc!();
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
      }
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    };
    const t = performance.now();
    const res = await runExport(db, seller, table, new URLSearchParams("from=2025-01-01&to=2025-12-31"), new Date("2026-01-02T00:00:00Z"));
    const reader = res.body!.getReader();
    let bytes = 0;
    let newlines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) newlines++;
      sample();
    }
    console.log(
      `${table}: ${res.headers.get("x-row-count")} rows announced, ${newlines - 1} written, ${mb(bytes)} in ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
        `memory above the start: RSS +${mb(peakRss - base.rss)}, JS heap +${mb(peakHeap - base.heapUsed)}, live after GC +${mb(peakLive - base.heapUsed)}`,
    );
  }
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
