import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, expect, it } from "vitest";
import { createPostgresDatabase } from "@/test/databases";
import { openDb } from "./open";
import * as schema from "./schema";

// Every table the schema declares, so the check follows the schema as it grows.
const declaredTables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table as PgTable))
  .sort();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patron-db-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// Both drivers answer raw SQL with `{ rows }`; the shared Db type leaves the result shape open.
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

it("migrates a new PGlite data directory on open and keeps its data across restarts", async () => {
  const first = await openDb({ dataDir: dir });
  const tables = rowsOf<{ table_name: string }>(await first.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`));
  expect(declaredTables).toEqual(expect.arrayContaining(["audit_log", "card_consents", "customer_aliases", "sellers", "webhook_events"]));
  expect(tables.map((r) => r.table_name)).toEqual(declaredTables);
  await first.db.execute(sql`insert into sellers (merchant_id, business_name) values ('M1', 'Kept Café')`);
  await first.close();

  const second = await openDb({ dataDir: dir });
  const rows = rowsOf<{ business_name: string }>(await second.db.execute(sql`select business_name from sellers`));
  expect(rows).toEqual([{ business_name: "Kept Café" }]);
  expect(await second.db.select().from(schema.auditLog)).toEqual([]);
  await second.close();
});

it("survives PostgreSQL closing its idle connections, and reconnects on the next query", async () => {
  const database = await createPostgresDatabase();
  const handle = await openDb({ databaseUrl: database.url });
  try {
    await Promise.all([1, 2, 3].map(() => handle.db.execute(sql`select pg_sleep(0.01)`)));
    // What a restart or an administrator does: end every other session on this database.
    const ended = await handle.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    expect(rowsOf(ended).length).toBeGreaterThan(0);
    await expect.poll(async () => rowsOf<{ n: number }>(await handle.db.execute(sql`select 1 as n`))[0]?.n, { timeout: 5_000 }).toBe(1);
  } finally {
    await handle.close();
    await database.drop();
  }
});
