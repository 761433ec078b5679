import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { openDb, type Db, type DbHandle } from "./open";

export type { Db } from "./open";

declare global {
  // On globalThis so Next's dev hot reload, which re-evaluates modules, reuses the one open database.
  var __patronDb: Promise<DbHandle> | undefined;
}

/**
 * The process's database, opened (and migrated) on first use. PGlite allows one process per data
 * directory, so everything in this process shares this handle; other processes go through the app's
 * HTTP routes instead of opening the files themselves.
 */
export async function getDb(): Promise<Db> {
  if (!globalThis.__patronDb) {
    const env = getEnv();
    const opening = env.DATABASE_URL
      ? openDb({ databaseUrl: env.DATABASE_URL })
      : openDb({ dataDir: path.resolve(env.PATRON_DATA_DIR, "pglite") });
    globalThis.__patronDb = opening;
    // A failed open must not be cached forever: the next request tries again.
    opening.catch(() => {
      if (globalThis.__patronDb === opening) globalThis.__patronDb = undefined;
    });
  }
  return (await globalThis.__patronDb).db;
}
