import { defineConfig } from "@playwright/test";
import { browserLaunchOptions } from "./e2e/support/browser";

/**
 * End-to-end tests. Specs under e2e/ drive Debian's Chromium (or Playwright's own) with accessible
 * locators. The app and the local Square they talk to are started for the run on their own ports
 * (see `webServer`), with in-memory emulator data and a throwaway app data dir.
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    launchOptions: browserLaunchOptions(),
    trace: "retain-on-failure",
  },
});
