import "server-only";
import { SquareEnvironment } from "square";
import { getEnv, type Env } from "@/lib/env";

/** Everything lib/square needs to reach Square for this deployment. */
export interface SquareConfig {
  environment: Env["SQUARE_ENVIRONMENT"];
  /** REST and OAuth base URL: the local Square, or Square's sandbox/production host. */
  baseUrl: string;
  applicationId: string;
  applicationSecret: string;
  timeoutInSeconds: number;
  maxRetries: number;
  /** Refresh an access token once it has less than this long to live. */
  refreshMarginMs: number;
}

export function squareBaseUrl(env: Pick<Env, "SQUARE_ENVIRONMENT" | "SQUARE_EMULATOR_URL">): string {
  if (env.SQUARE_ENVIRONMENT === "sandbox") return SquareEnvironment.Sandbox;
  if (env.SQUARE_ENVIRONMENT === "production") return SquareEnvironment.Production;
  return env.SQUARE_EMULATOR_URL.replace(/\/+$/, "");
}

export function squareConfig(env: Env): SquareConfig {
  return {
    environment: env.SQUARE_ENVIRONMENT,
    baseUrl: squareBaseUrl(env),
    applicationId: env.SQUARE_APPLICATION_ID,
    applicationSecret: env.SQUARE_APPLICATION_SECRET,
    timeoutInSeconds: env.PATRON_SQUARE_TIMEOUT_SECONDS,
    maxRetries: env.PATRON_SQUARE_MAX_RETRIES,
    refreshMarginMs: env.PATRON_TOKEN_REFRESH_MARGIN_SECONDS * 1000,
  };
}

/** This deployment's settings, from lib/env. */
export const appSquareConfig = (): SquareConfig => squareConfig(getEnv());
