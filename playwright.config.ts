import { defineConfig } from "@playwright/test";
import { browserLaunchOptions } from "./e2e/support/browser";
import { E2E, callbackUrl } from "./e2e/support/servers";

/**
 * End-to-end tests. Specs under e2e/ drive Debian's Chromium (or Playwright's own) with accessible
 * locators. The app and the local Square they talk to are started for the run on their own ports
 * (see `webServer`), with in-memory emulator data and a throwaway app data dir.
 */
const node = `"${process.execPath}"`;
// `next build` into its own dist dir, then `next start` as the server's own process (stack-notes 10).
// PATRON_E2E_SKIP_BUILD=1 reuses the last e2e build while iterating on specs alone.
const buildApp = process.env.PATRON_E2E_SKIP_BUILD ? "" : `${node} node_modules/next/dist/bin/next build && `;
// Specs under e2e/emulator/ start their own local Square in a fixture and never use the app, so a run
// of only those (`npx playwright test e2e/emulator`) skips building and starting it.
const specArgs = process.argv.slice(2).filter((a) => /(^|\/)e2e\/|\.spec\.ts$/.test(a));
const emulatorSpecsOnly = specArgs.length > 0 && specArgs.every((a) => /(^|\/)e2e\/emulator(\/|$)/.test(a));

export default defineConfig({
  testDir: "e2e",
  // The README screenshot is taken on request (npm run screenshot), not on every run.
  testIgnore: process.env.PATRON_SCREENSHOT ? [] : ["**/readme-screenshot.spec.ts"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: E2E.appUrl,
    launchOptions: browserLaunchOptions(),
    trace: "retain-on-failure",
  },
  webServer: emulatorSpecsOnly ? [] : [
    {
      name: "local square",
      command: `${node} node_modules/tsx/dist/cli.mjs emulator/src/server.ts`,
      url: `${E2E.emulatorUrl}/_emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        SQUARE_EMULATOR_PORT: String(E2E.emulatorPort),
        SQUARE_EMULATOR_DATA: "memory",
        SQUARE_APPLICATION_ID: E2E.applicationId,
        SQUARE_APPLICATION_SECRET: E2E.applicationSecret,
        SQUARE_OAUTH_REDIRECT_URIS: callbackUrl,
        SQUARE_WEBHOOK_URL: `${E2E.appUrl}/api/webhooks/square`,
        SQUARE_EMULATOR_WEBHOOK_RETRY_MS: "10,20,40",
        SQUARE_EMULATOR_WEBHOOK_TIMEOUT_MS: "2000",
        SQUARE_EMULATOR_ASSIGN_DELAY_MS: "20",
      },
    },
    {
      name: "app",
      // The server's stdout goes to E2E.appLog only; its stderr to the log and on to this run's output.
      command: `rm -rf "${E2E.appDataDir}" && : > "${E2E.appLog}" && ${buildApp}{ ${node} node_modules/next/dist/bin/next start --port ${E2E.appPort} 2>&1 >&3 | tee -a "${E2E.appLog}" >&2; } 3>>"${E2E.appLog}"`,
      url: `${E2E.appUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "ignore",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: E2E.distDir,
        SQUARE_ENVIRONMENT: "local",
        SQUARE_EMULATOR_URL: E2E.emulatorUrl,
        SQUARE_APPLICATION_ID: E2E.applicationId,
        SQUARE_APPLICATION_SECRET: E2E.applicationSecret,
        PORT: String(E2E.appPort),
        NEXTAUTH_URL: E2E.appUrl,
        PATRON_DATA_DIR: E2E.appDataDir,
        DATABASE_URL: "",
        PATRON_SQUARE_MAX_RETRIES: "0",
        PATRON_SQUARE_TIMEOUT_SECONDS: "10",
      },
    },
  ],
});
