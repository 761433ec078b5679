import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

export interface BenchDatabase {
  engine: "pglite" | "postgres";
  /** For the app: a fresh database on the given server, or none (PGlite in dataDir). */
  databaseUrl?: string;
  /** The app's PATRON_DATA_DIR (a new temp dir; PGlite's files live here). */
  dataDir: string;
  /** e.g. "PGlite 0.5.16 (embedded, on disk)" or "PostgreSQL 15.14". */
  description: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one run. PGlite (the default) gets a new data directory. With DATABASE_URL the
 * bench creates a new database on that server (so earlier runs' rows never count) and drops it at
 * the end; the URL's user needs CREATEDB.
 */
export async function freshDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const makeDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "patron-bench-app-"));
  const removeDir = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });
  if (!serverUrl) {
    const description = `PGlite ${pgliteVersion()} (embedded, on disk)`;
    const dataDir = makeDir();
    return { engine: "pglite", dataDir, description, drop: async () => removeDir(dataDir) };
  }
  const name = `patron_bench_${Date.now().toString(36)}_${process.pid}`;
  const onServer = async <T>(run: (c: Client) => Promise<T>): Promise<T> => {
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    try {
      return await run(c);
    } finally {
      await c.end();
    }
  };
  const version = await onServer(async (c) => {
    const v = ((await c.query("SHOW server_version")).rows[0] as { server_version: string }).server_version;
    await c.query(`CREATE DATABASE ${name}`);
    return v;
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = makeDir();
  return {
    engine: "postgres",
    databaseUrl: url.toString(),
    dataDir,
    description: `PostgreSQL ${version.split(" ")[0]}`,
    async drop() {
      removeDir(dataDir);
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The package's exports hide its package.json, so read it from where node_modules keeps it. */
function pgliteVersion(): string {
  const manifest = path.join(__dirname, "../../node_modules/@electric-sql/pglite/package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}
