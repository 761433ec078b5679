import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { stopPostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run's PostgreSQL lives once a data-layer test starts it (test/databases.ts). */
    postgresDir: string;
  }
}

/** Runs once per vitest run. Keeps test runs away from a developer's own data. */
export default function setup(project: TestProject) {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const postgresDir = fs.mkdtempSync(path.join(os.tmpdir(), "patron-test-pg-"));
  fs.chmodSync(postgresDir, 0o755);
  project.provide("postgresDir", postgresDir);
  return () => stopPostgres(postgresDir);
}
