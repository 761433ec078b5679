import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/open";
import { getRevenueSeries } from "@/lib/db/queries/reports";
import type { Seller } from "@/lib/db/queries/sellers";
import { parseCsv } from "@/lib/csv/csv";
import { applyToMirror } from "@/lib/sync/apply";
import { inMirrorTransaction } from "@/lib/sync/mirror-lock";
import { rebuildSalesRollups } from "@/lib/sync/sales-rollups";
import { describeEachDatabase } from "@/test/databases";
import { customer, newId, order, payment } from "@/test/sync/objects";
import { insertSeller } from "@/test/sync/sellers";
import { paymentRows } from "./transactions";
import { ROW_COUNT_HEADER, runExport } from "./run-export";

const usd = (amount: number) => ({ amount, currency: "USD" });
const NOW = new Date("2026-03-10T20:00:00.000Z");
const seller = (merchantId: string, scopes = ["PAYMENTS_READ", "ORDERS_READ"]): Seller => ({
  merchantId,
  businessName: "Café",
  mainLocationId: "LOC1",
  country: "US",
  currency: "USD",
  scopes,
  connectedAt: null,
});

/** A Db whose execute() calls are counted: how many batches an export has read so far. */
function counting(db: Db) {
  let calls = 0;
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== "execute") return typeof value === "function" ? value.bind(target) : value;
      return (...args: Parameters<Db["execute"]>) => {
        calls++;
        return target.execute(...args);
      };
    },
  });
  return { db: proxy as Db, calls: () => calls };
}

async function body(res: Response): Promise<string[][]> {
  const text = await res.text();
  return parseCsv(text.replace(/^\uFEFF/, ""));
}

describeEachDatabase("CSV exports", ({ db }) => {
  let m: string;
  const ada = newId();
  const tricky = newId();

  beforeAll(async () => {
    m = await insertSeller(db(), { mainLocationId: "LOC1" });
    const sale = (id: string, at: string, cents: number, customerId: string | null) => {
      const p = payment({ id: `P${id}`, createdAt: at, updatedAt: at, customerId, total: usd(cents), amount: usd(cents) });
      return { o: order({ id: `O${id}`, createdAt: at, updatedAt: at, total: usd(cents), paymentIds: [{ id: p.id, customerId }] }), p: { ...p, orderId: `O${id}` } };
    };
    const sales = [
      sale("1", "2026-03-01T02:00:00.000Z", 1000, ada), // 28 February in Los Angeles
      sale("2", "2026-03-02T18:00:00.000Z", 2500, tricky),
      sale("3", "2026-03-03T17:00:00.000Z", 400, null),
    ];
    await applyToMirror(db(), m, {
      fetchedAt: new Date(),
      locations: [{ id: "LOC1", name: "Café, Main St", status: "ACTIVE", currency: "USD", timezone: "America/Los_Angeles" }],
      customers: [customer({ id: ada, givenName: "Ada", familyName: "Lovelace" }), customer({ id: tricky, givenName: '=HYPERLINK("x")', familyName: "O'Brien, Jr." })],
      orders: sales.map((s) => s.o),
      payments: sales.map((s) => s.p),
    });
    // O2 came through Patron's checkout: its own records say so, whatever Square's source name.
    await db().execute(sql`INSERT INTO checkout_attempts (id, merchant_id, amount, currency, line_items, identity_key, order_id, status)
      VALUES (gen_random_uuid(), ${m}, 2500, 'USD', '[]'::jsonb, 'buyer', 'O2', 'completed')`);
  });

  const run = (table: string, query: string, s = seller(m)) => runExport(db(), s, table, new URLSearchParams(query), NOW);

  it("streams the payments of a range of local days with their customers, amounts and headers", async () => {
    const res = await run("payments", "from=2026-02-28&to=2026-03-03");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="patron-payments-2026-02-28-to-2026-03-03.csv"');
    expect(res.headers.get(ROW_COUNT_HEADER)).toBe("3");
    const [header, ...rows] = await body(res);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[col("Date")], r[col("Payment ID")], r[col("Total")], r[col("Customer name")], r[col("Location")]])).toEqual([
      ["2026-02-28", "P1", "10.00", "Ada Lovelace", "Café, Main St"],
      ["2026-03-02", "P2", "25.00", `'=HYPERLINK("x") O'Brien, Jr.`, "Café, Main St"],
      ["2026-03-03", "P3", "4.00", "", "Café, Main St"],
    ]);
    expect(rows[2][col("Attribution")]).toBe("No customer on the order or its payments");
  });

  it("applies the page's filters, and counts days in the shop's time zone", async () => {
    const [, ...without] = await body(await run("payments", "from=2026-02-28&to=2026-03-03&customer=without"));
    expect(without.map((r) => r[3])).toEqual(["P3"]);
    const [header, ...checkout] = await body(await run("payments", "from=2026-02-28&to=2026-03-03&source=Patron+checkout"));
    expect(checkout.map((r) => [r[3], r[header.indexOf("Source")]])).toEqual([["P2", "Patron checkout"]]);
    const [, ...march] = await body(await run("orders", "from=2026-03-01&to=2026-03-03"));
    expect(march.map((r) => r[3])).toEqual(["O2", "O3"]);
  });

  it("exports a report table with the report's own rows", async () => {
    const [header, ...rows] = await body(await run("revenue", "from=2026-02-28&to=2026-03-03&period=day"));
    expect(header).toEqual(["Date", "Revenue", "Payments", "Currency"]);
    const series = await getRevenueSeries(db(), { merchantId: m, from: "2026-02-28T08:00:00.000Z", to: "2026-03-04T08:00:00.000Z", period: "day" });
    expect(rows).toEqual(series.map((s) => [s.period, (s.revenue.amount / 100).toFixed(2), String(s.payments), "USD"]));
  });

  it("refuses bad filters, unknown tables, other sellers' locations and missing permissions with reasons", async () => {
    const bad = await run("payments", "from=2026-02-30&brand=PAYPAL");
    expect(bad.status).toBe(400);
    expect((await bad.json()).problems).toEqual(["“From” is not a real date.", expect.stringContaining("“Card brand” must be one of")]);
    const elsewhere = await run("orders", "location=OTHERSELLERLOC");
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).problems).toEqual(["That location is not one of yours. Choose one from the list."]);
    expect((await run("secrets", "")).status).toBe(404);
    const noPayments = await run("payments", "", seller(m, ["ORDERS_READ"]));
    expect(noPayments.status).toBe(403);
    expect((await noPayments.json()).error).toContain("PAYMENTS_READ");
  });

  // A few thousand rows are enough to see batches; bench/history-export.ts measures 100,000.
  const ROWS = 5_000;
  let big: string;
  beforeAll(async () => {
    big = await insertSeller(db(), { mainLocationId: "LOC1" });
    await db().execute(sql`
      INSERT INTO mirror_payments (merchant_id, id, status, total_amount, currency, created_at, raw, fetched_at)
      SELECT ${big}, 'P' || lpad(g::text, 6, '0'), 'COMPLETED', 100, 'USD', '2026-01-01T00:00:00Z'::timestamptz + g * interval '1 minute', '{}'::jsonb, now()
      FROM generate_series(1, ${ROWS}) g`);
    // Written straight into the table, as no app path does: rebuild the counts as a backfill's end would.
    await inMirrorTransaction(db(), big, (tx) => rebuildSalesRollups(tx, big));
  });

  it("reads one batch at a time: the first rows arrive before the rest are read", async () => {
    const counted = counting(db());
    const rows = paymentRows(counted.db, { merchantId: big, from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }, { timezone: "UTC", locationNames: new Map() });
    const first = await rows.next();
    expect(first.value).toHaveLength(1000);
    expect(counted.calls()).toBe(1);
    let total = first.value!.length;
    for await (const batch of rows) total += batch.length;
    expect(total).toBe(ROWS);
    expect(counted.calls()).toBe(ROWS / 1000 + 1);
  });

  it("streams the HTTP body with backpressure: a reader that stops early leaves most batches unread", async () => {
    const counted = counting(db());
    const res = await runExport(counted.db, seller(big), "payments", new URLSearchParams("from=2026-01-01&to=2026-01-31"), NOW);
    expect(res.headers.get(ROW_COUNT_HEADER)).toBe(String(ROWS));
    const before = counted.calls(); // locations and the count
    const reader = res.body!.getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch
    expect(counted.calls() - before).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(counted.calls() - before).toBeLessThanOrEqual(2);
  });
});
