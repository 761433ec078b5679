import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E } from "./support/servers";

/** Starts the e2e build with these settings and collects what it prints until it exits. */
function startApp(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(E2E.appPort + 99)], {
      // Its own data dir, so even a start that wrongly succeeded could never open anyone's database.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: E2E.distDir, PATRON_DATA_DIR: `${E2E.appDataDir}-startup`, ...env },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the app kept running with a broken configuration:\n${output}`));
    }, 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("in production a missing or malformed key stops start-up with a message naming it", async () => {
  const { code, output } = await startApp({
    SQUARE_ENVIRONMENT: "production",
    SQUARE_APPLICATION_ID: "sandbox-sq0idb-wrong-environment",
    SQUARE_APPLICATION_SECRET: "sq0csp-secret",
    SQUARE_WEBHOOK_URL: "https://patron.example.com/api/webhooks/square",
    SQUARE_WEBHOOK_SIGNATURE_KEY: "a-signature-key-of-some-length",
    NEXTAUTH_URL: "https://patron.example.com",
    NEXTAUTH_SECRET: "x".repeat(40),
  });
  expect(code).toBe(1);
  expect(output).toContain("SQUARE_APPLICATION_ID must be a production application ID");
  expect(output).toContain("PATRON_ENCRYPTION_KEY is missing");
  expect(output).not.toContain("NEXTAUTH_SECRET");
});
