import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { openDb, type Db, type DbHandle } from "@/lib/db/open";
import { ensurePostgres } from "./postgres";

export const ENGINES = ["pglite", "postgres"] as const;
export type Engine = (typeof ENGINES)[number];

export interface TestDatabase {
  /** The file's database on this engine (available from the first test on). */
  db(): Db;
  engine: Engine;
}

/**
 * Runs the same suite on both engines Patron supports: embedded PGlite (in memory) and a real
 * PostgreSQL server started for the test run. Each engine gets a fresh, migrated database per file,
 * not per test, because a PGlite instance costs seconds and hundreds of MB; tests therefore create
 * their own sellers with unique ids instead of relying on an empty database.
 */
export function describeEachDatabase(name: string, suite: (t: TestDatabase) => void) {
  describe.each(ENGINES)(`${name} (%s)`, (engine) => {
    let handle: DbHandle | undefined;
    let dropDatabase: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      if (engine === "pglite") {
        handle = await openDb({ dataDir: undefined });
      } else {
        const fresh = await createPostgresDatabase();
        dropDatabase = fresh.drop;
        handle = await openDb({ databaseUrl: fresh.url });
      }
    });
    afterAll(async () => {
      await handle?.close();
      await dropDatabase?.();
    });
    suite({
      engine,
      db: () => {
        if (!handle) throw new Error(`The ${engine} test database is not open (did beforeAll fail?)`);
        return handle.db;
      },
    });
  });
}

/** A new empty database on the run's PostgreSQL server (started on first use). */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = await ensurePostgres(inject("postgresDir"));
  const name = `patron_test_${randomUUID().replace(/-/g, "")}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A merchant id no other test uses, shaped like Square's (13 upper-case alphanumerics). */
export function testMerchantId(): string {
  return randomUUID().replace(/-/g, "").slice(0, 13).toUpperCase();
}
