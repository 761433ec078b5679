import os from "node:os";
import path from "node:path";

/**
 * Where the e2e run's own app and local Square listen: ports of their own, in-memory emulator data
 * and a throwaway app data dir, so a test run never touches a running `npm run dev` or its data.
 */
const APP_PORT = Number(process.env.PATRON_E2E_APP_PORT || 3100);
const EMULATOR_PORT = Number(process.env.PATRON_E2E_EMULATOR_PORT || 4110);

export const E2E = {
  appPort: APP_PORT,
  appUrl: `http://localhost:${APP_PORT}`,
  emulatorPort: EMULATOR_PORT,
  emulatorUrl: `http://127.0.0.1:${EMULATOR_PORT}`,
  appDataDir: path.join(os.tmpdir(), `patron-e2e-app-${APP_PORT}`),
  // Everything the app server prints (stdout and stderr), for the secrets check (PATRON_E2E_APP_LOG to move it).
  appLog: process.env.PATRON_E2E_APP_LOG || path.join(os.tmpdir(), `patron-e2e-app-${APP_PORT}.log`),
  // Its own build folder too (PATRON_E2E_DIST_DIR), so two runs on other ports can build side by side.
  distDir: process.env.PATRON_E2E_DIST_DIR || ".next-test",
  // The local Square's development credentials (emulator/src/config.ts LOCAL_DEFAULTS).
  applicationId: "sandbox-sq0idb-patron-local",
  applicationSecret: "sandbox-sq0csb-patron-local-secret",
} as const;

export const callbackUrl = `${E2E.appUrl}/api/auth/callback/square`;
