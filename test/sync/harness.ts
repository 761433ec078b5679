import type { TestEmulator, TestSeller } from "@/emulator/test/harness";
import type { Scope } from "@/emulator/src/scopes";
import type { Db } from "@/lib/db/client";
import { createSquareClient } from "@/lib/square/client";
import { clientForSeller } from "@/lib/square/seller-client";
import type { SquareConfig } from "@/lib/square/config";
import type { SyncDeps } from "@/lib/sync/deps";
import type { SyncSettings } from "@/lib/sync/settings";
import { insertSeller, syncTestCipher } from "./sellers";

/** Every delay tiny, so tests wait for work rather than for timers. */
export function testSyncSettings(overrides: Partial<SyncSettings> = {}): SyncSettings {
  return {
    reconcileIntervalMs: 60_000,
    reconcileOverlapMs: 1_000,
    jobTickMs: 10,
    jobConcurrency: 4,
    jobLeaseMs: 5_000,
    jobRetryMs: 10,
    jobMaxAttempts: 3,
    backfillParallelism: 3,
    backfillBatchSize: 7,
    ...overrides,
  };
}

export const ALL_SCOPES: Scope[] = ["MERCHANT_PROFILE_READ", "CUSTOMERS_READ", "CUSTOMERS_WRITE", "PAYMENTS_READ", "PAYMENTS_WRITE", "ORDERS_READ", "ORDERS_WRITE", "GIFTCARDS_READ", "GIFTCARDS_WRITE"];

export function squareConfigFor(local: TestEmulator, overrides: Partial<SquareConfig> = {}): SquareConfig {
  const { applicationId, applicationSecret } = local.emulator.ctx.config;
  return { environment: "local", baseUrl: local.url, applicationId, applicationSecret, timeoutInSeconds: 10, maxRetries: 3, refreshMarginMs: 60_000, ...overrides };
}

export interface SyncTestOptions {
  settings?: Partial<SyncSettings>;
  notificationUrl?: string;
  signatureKey?: string;
  ensureSubscription?: boolean;
  square?: Partial<SquareConfig>;
}

/** The sync's dependencies against a test emulator: sellers' stored (encrypted) tokens, as in the app. */
export function syncTestDeps(db: Db, local: TestEmulator, opts: SyncTestOptions = {}): SyncDeps {
  const config = squareConfigFor(local, opts.square);
  return {
    db,
    square: (merchantId) => clientForSeller({ db, config, cipher: syncTestCipher }, merchantId),
    settings: testSyncSettings(opts.settings),
    webhooks: {
      notificationUrl: opts.notificationUrl ?? "http://127.0.0.1:9/unused",
      signatureKey: opts.signatureKey ?? "test-signature-key",
      encrypt: (plain) => syncTestCipher.encrypt(plain),
      decrypt: (stored) => syncTestCipher.decrypt(stored),
      ensureSubscription: opts.ensureSubscription ?? false,
    },
  };
}

/** A new seller at the local Square who has signed in to Patron (tokens stored as sign-in stores them). */
export async function connectedSeller(db: Db, local: TestEmulator, opts: { scopes?: Scope[]; timezone?: string } = {}): Promise<TestSeller> {
  const seller = await local.newSeller({ scopes: opts.scopes, timezone: opts.timezone });
  await insertSeller(db, { merchantId: seller.merchantId, accessToken: seller.accessToken, refreshToken: seller.refreshToken, mainLocationId: seller.locationId, scopes: opts.scopes ?? ALL_SCOPES });
  return seller;
}

/** A plain lib/square client for a token (tests that call lib/square directly). */
export const clientWithToken = (local: TestEmulator, token: string) => createSquareClient(squareConfigFor(local), token);
