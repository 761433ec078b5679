import { SquareClient } from "square";
import { testConfig, type EmulatorConfig } from "../src/config";
import { startEmulator, type RunningEmulator } from "../src/server";
import type { Scope } from "../src/scopes";

export interface TestSeller {
  merchantId: string;
  locationId: string;
  accessToken: string;
  refreshToken: string;
  applicationId: string;
  /** The official SDK pointed at the emulator with this seller's token; no retries, so errors surface at once. */
  client: SquareClient;
}

export interface TestEmulator {
  emulator: RunningEmulator;
  url: string;
  newSeller(opts?: { scopes?: Scope[]; business_name?: string; country?: string; currency?: string; timezone?: string }): Promise<TestSeller>;
  clientFor(token: string): SquareClient;
  admin(path: string, body?: unknown, token?: string): Promise<Response>;
  stop(): Promise<void>;
}

/** An in-memory local Square on a free port, for one test file (call in beforeAll). */
export async function startTestEmulator(overrides: Partial<EmulatorConfig> = {}): Promise<TestEmulator> {
  const emulator = await startEmulator(testConfig(overrides));
  const url = emulator.url;
  const clientFor = (token: string) => new SquareClient({ token, baseUrl: url, maxRetries: 0, timeoutInSeconds: 10 });
  const admin = (path: string, body?: unknown, token?: string) =>
    fetch(url + path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    emulator,
    url,
    clientFor,
    admin,
    async newSeller(opts = {}) {
      const res = await admin("/_emulator/merchants", opts);
      if (!res.ok) throw new Error(`creating a test seller failed: ${res.status} ${await res.text()}`);
      const s = (await res.json()) as Record<string, string>;
      return {
        merchantId: s.merchant_id,
        locationId: s.location_id,
        accessToken: s.access_token,
        refreshToken: s.refresh_token,
        applicationId: s.application_id,
        client: clientFor(s.access_token),
      };
    },
    stop: () => emulator.stop(),
  };
}
