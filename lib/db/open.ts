import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** Either engine, behind one type: every query module takes a `Db`. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  engine: "pglite" | "postgres";
  close(): Promise<void>;
}

export type DbTarget =
  /** Real PostgreSQL (several app instances can share it). */
  | { databaseUrl: string }
  /** Embedded PGlite in this directory, or in memory when dataDir is undefined (tests). */
  | { dataDir: string | undefined };

const MIGRATIONS = path.join(process.cwd(), "lib/db/migrations");

/** Opens a database and applies any pending migrations before handing it out. */
export async function openDb(target: DbTarget): Promise<DbHandle> {
  return "databaseUrl" in target ? openPostgres(target.databaseUrl) : openPglite(target.dataDir);
}

async function openPostgres(databaseUrl: string): Promise<DbHandle> {
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection the server ends (a restart, a failover, an administrator) is emitted here;
  // without a listener Node treats it as an uncaught exception and the whole app goes down. The pool
  // has already dropped that connection and opens a new one when next asked.
  pool.on("error", (err) => console.warn(`[db] an idle PostgreSQL connection closed: ${err.message}`));
  const db = drizzle({ client: pool, schema });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS });
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { db, engine: "postgres", close: () => pool.end() };
}

async function openPglite(dataDir: string | undefined): Promise<DbHandle> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzle({ client, schema });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS });
  } catch (err) {
    await client.close();
    throw err;
  }
  return { db, engine: "pglite", close: () => client.close() };
}
