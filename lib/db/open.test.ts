import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { openDb } from "./open";
import { auditLog } from "./schema";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patron-db-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// Both drivers answer raw SQL with `{ rows }`; the shared Db type leaves the result shape open.
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

it("migrates a new PGlite data directory on open and keeps its data across restarts", async () => {
  const first = await openDb({ dataDir: dir });
  const tables = rowsOf<{ table_name: string }>(await first.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`));
  expect(tables.map((r) => r.table_name)).toEqual(["audit_log", "card_consents", "customer_aliases", "sellers", "webhook_events"]);
  await first.db.execute(sql`insert into sellers (merchant_id, business_name) values ('M1', 'Kept Café')`);
  await first.close();

  const second = await openDb({ dataDir: dir });
  const rows = rowsOf<{ business_name: string }>(await second.db.execute(sql`select business_name from sellers`));
  expect(rows).toEqual([{ business_name: "Kept Café" }]);
  expect(await second.db.select().from(auditLog)).toEqual([]);
  await second.close();
});
