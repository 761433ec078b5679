import "server-only";
import { parseEnv, type Env } from "./env-schema";

export type { Env } from "./env-schema";

declare global {
  var __patronEnv: Env | undefined;
}

/**
 * The app's configuration, validated once per process. Parsing is lazy so that importing a module
 * never fails at build time; the first server request (or instrumentation.ts at start-up) does.
 */
export function getEnv(): Env {
  if (!globalThis.__patronEnv) {
    const env = parseEnv(process.env);
    // next-auth v4 reads NEXTAUTH_URL from process.env itself; hand it our validated value so both agree.
    process.env.NEXTAUTH_URL = env.NEXTAUTH_URL;
    globalThis.__patronEnv = env;
  }
  return globalThis.__patronEnv;
}
