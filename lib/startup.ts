import "server-only";
import { getDb } from "./db/client";
import { getEnv } from "./env";

/**
 * Server start-up: a missing or malformed key stops the server here with a message naming it, and
 * the database opens now so migrations apply before the first request rather than during it.
 */
export async function startUp() {
  try {
    getEnv();
  } catch (err) {
    console.error(`\n${err instanceof Error ? err.message : err}\n`);
    process.exit(1);
  }
  await getDb();
}
