import { randomBytes } from "node:crypto";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import type { SquareConfig } from "@/lib/square/config";
import { exchangeCode } from "@/lib/square/oauth";
import type { OAuthGrant } from "@/lib/square/types";
import type { TestEmulator } from "@/emulator/test/harness";

export const REDIRECT_URI = "http://localhost:3000/api/auth/callback/square";

/** lib/square settings pointed at a test emulator: no retries, short timeouts. */
export function testSquareConfig(local: TestEmulator, overrides: Partial<SquareConfig> = {}): SquareConfig {
  const { applicationId, applicationSecret } = local.emulator.ctx.config;
  return {
    environment: "local",
    baseUrl: local.url,
    applicationId,
    applicationSecret,
    timeoutInSeconds: 10,
    maxRetries: 0,
    refreshMarginMs: 60_000,
    ...overrides,
  };
}

export const testCipher = () => createTokenCipher(randomBytes(32).toString("base64"));

/**
 * Signs a seller in the way a browser would — consent page form, Allow, redirect with a code — and
 * exchanges the code through lib/square, as Patron's sign-in does.
 */
export async function authorizeSeller(local: TestEmulator, config: SquareConfig, merchantId: string, scopes: string[]): Promise<OAuthGrant> {
  const form = new URLSearchParams({ client_id: config.applicationId, redirect_uri: REDIRECT_URI, state: "test", merchant_id: merchantId, decision: "allow" });
  for (const s of scopes) form.append("scope", s);
  const res = await fetch(`${local.url}/oauth2/authorize`, { method: "POST", body: form, redirect: "manual" });
  const code = new URL(res.headers.get("location") ?? "http://x/").searchParams.get("code");
  if (!code) throw new Error(`The local Square gave no code (${res.status}): ${await res.text()}`);
  return exchangeCode(config, { code, redirectUri: REDIRECT_URI });
}
