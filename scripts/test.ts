// `npm test`: every test — vitest (unit and integration, on PGlite and PostgreSQL), then Playwright
// (the app and the local Square end to end). Both run even if the first fails, so one run shows all.
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const steps: [string, string[]][] = [
  ["vitest", [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run"]],
  ["playwright", [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test"]],
];

const results: string[] = [];
let failed = false;
for (const [name, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}\n`);
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const ok = run.status === 0;
  failed ||= !ok;
  results.push(`${ok ? "✓" : "✗"} ${name} ${ok ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
}
console.log(`\n${results.join("\n")}`);
process.exit(failed ? 1 : 0);
