import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { ConfigError, parseEnv, type Env } from "../../lib/env-schema";
import { portInUse, startService, stopService, superviseUntilDone, waitForHealthy, type Service } from "./processes";

const ROOT = path.resolve(__dirname, "../..");
const NODE = process.execPath;
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");

/**
 * Runs Patron: in local mode the local Square first (seeding the demo seller on its first start),
 * then Next (`next dev` or `next start`), both stopped together on Ctrl-C or when either dies.
 * Against Square's sandbox or production only Next runs.
 */
export async function runStack(mode: "dev" | "start"): Promise<number> {
  process.chdir(ROOT);
  // The same .env files Next reads, so the local Square sees the same settings as the app.
  loadEnvConfig(ROOT, mode === "dev");
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return 1;
  }

  const local = env.SQUARE_ENVIRONMENT === "local";
  const emulatorPort = Number(new URL(env.SQUARE_EMULATOR_URL).port || 80);
  const ports: [number, string][] = [[env.PORT, "the app"], ...(local ? [[emulatorPort, "the local Square"] as [number, string]] : [])];
  for (const [port, what] of ports)
    if (await portInUse(port)) {
      console.error(`Port ${port} (for ${what}) is already in use. Is Patron already running? Stop it, or choose another port (PORT, SQUARE_EMULATOR_URL).`);
      return 1;
    }

  const services: Service[] = [];
  try {
    if (local) {
      const emulator = startService("local square", NODE, [TSX, "emulator/src/server.ts"], {
        ...process.env,
        SQUARE_EMULATOR_PORT: String(emulatorPort),
        SQUARE_APPLICATION_ID: env.SQUARE_APPLICATION_ID,
        SQUARE_APPLICATION_SECRET: env.SQUARE_APPLICATION_SECRET,
        SQUARE_WEBHOOK_URL: env.SQUARE_WEBHOOK_URL,
        SQUARE_WEBHOOK_SIGNATURE_KEY: env.SQUARE_WEBHOOK_SIGNATURE_KEY,
        SQUARE_OAUTH_REDIRECT_URIS: process.env.SQUARE_OAUTH_REDIRECT_URIS || `${env.NEXTAUTH_URL}/api/auth/callback/square`,
      });
      services.push(emulator);
      await waitForHealthy(`${env.SQUARE_EMULATOR_URL}/_emulator/health`, emulator, 60_000);
    }
    const app = startService(mode === "dev" ? "next dev" : "next", NODE, [NEXT, mode, "--port", String(env.PORT)], {
      ...process.env,
      PORT: String(env.PORT),
      NEXTAUTH_URL: env.NEXTAUTH_URL,
    });
    services.push(app);
    // A cold `next dev` compiles the health route first, which takes a while on small machines.
    await waitForHealthy(`${env.NEXTAUTH_URL}/api/health`, app, mode === "dev" ? 300_000 : 60_000);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    for (const s of services.reverse()) await stopService(s);
    return 1;
  }

  printBanner(env, local);
  return superviseUntilDone(services);
}

function printBanner(env: Env, local: boolean) {
  const lines = [
    `Patron is running at ${env.NEXTAUTH_URL}`,
    local
      ? `Open it and choose "Sign in with Square" → pick "Patron Demo Café" → Allow. (Local Square: ${env.SQUARE_EMULATOR_URL}/_emulator)`
      : `Open it and choose "Sign in with Square" to connect a ${env.SQUARE_ENVIRONMENT} Square account.`,
    "Press Ctrl-C to stop.",
  ];
  const width = Math.max(...lines.map((l) => l.length));
  console.log(["", "─".repeat(width), ...lines, "─".repeat(width), ""].join("\n"));
}
