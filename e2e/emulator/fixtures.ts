import { test as base, expect, type FrameLocator, type Page } from "@playwright/test";
import { SquareClient } from "square";
import { testConfig } from "../../emulator/src/config";
import { startEmulator, type RunningEmulator } from "../../emulator/src/server";
import { startPageServer } from "./page-server";

export interface Seller {
  merchantId: string;
  locationId: string;
  applicationId: string;
  client: SquareClient;
}

export interface KeyedCard {
  number: string;
  expiry?: string;
  cvv?: string;
  postalCode?: string;
}

/** What the test page prints: a TokenResult, a verifyBuyer result, or a thrown error's name. */
export interface PageResult {
  status?: "OK" | "Error" | "Invalid";
  token?: string;
  details?: { method: string; card?: Record<string, unknown>; giftCard?: Record<string, unknown>; billing?: Record<string, unknown> };
  errors?: { type: string; message: string; field?: string }[];
  userChallenged?: boolean;
  thrown?: string;
  message?: string;
}

interface LocalSquare {
  emulator: RunningEmulator;
  pageUrl: string;
}

/** One in-memory local Square and one page server per worker; a fresh seller per test. */
export const test = base.extend<{ seller: Seller; checkout: Checkout }, { local: LocalSquare }>({
  local: [
    async ({}, use) => {
      const emulator = await startEmulator(testConfig());
      const pages = await startPageServer();
      await use({ emulator, pageUrl: pages.url });
      await pages.close();
      await emulator.stop();
    },
    { scope: "worker" },
  ],
  seller: async ({ local }, use) => {
    const res = await fetch(`${local.emulator.url}/_emulator/merchants`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const s = (await res.json()) as Record<string, string>;
    const client = new SquareClient({ token: s.access_token, baseUrl: local.emulator.url, maxRetries: 0 });
    await use({ merchantId: s.merchant_id, locationId: s.location_id, applicationId: s.application_id, client });
  },
  checkout: async ({ page, local, seller }, use) => {
    await use(new Checkout(page, local, seller));
  },
});

export { expect };

/** Drives the test page: the card iframe by its accessible name, results through the page's output. */
export class Checkout {
  readonly cardFrame: FrameLocator;
  readonly giftCardFrame: FrameLocator;

  constructor(
    readonly page: Page,
    private readonly local: LocalSquare,
    private readonly seller: Seller,
  ) {
    this.cardFrame = page.frameLocator('iframe[title="Card payment form"]');
    this.giftCardFrame = page.frameLocator('iframe[title="Gift card payment form"]');
  }

  async open(opts: { app?: string; location?: string; postal?: string } = {}) {
    const query = new URLSearchParams({
      app: opts.app ?? this.seller.applicationId,
      location: opts.location ?? this.seller.locationId,
      sdk: `${this.local.emulator.url}/web-sdk/v1/square.js`,
      ...(opts.postal ? { postal: opts.postal } : {}),
    });
    await this.page.goto(`${this.local.pageUrl}/index.html?${query}`);
    await expect(this.page.locator("body[data-ready=true]")).toBeAttached();
  }

  async fillCard(card: KeyedCard) {
    await this.cardFrame.getByLabel("Card number").fill(card.number);
    await this.cardFrame.getByLabel("Expiration date").fill(card.expiry ?? "12/34");
    await this.cardFrame.getByLabel("CVV").fill(card.cvv ?? "111");
    await this.cardFrame.getByLabel("Postal code").fill(card.postalCode ?? "94103");
  }

  async verification(intent: "" | "CHARGE" | "CHARGE_AND_STORE" | "STORE") {
    await this.page.getByLabel("Verification").selectOption(intent);
  }

  /** Clicks a page button and returns the JSON it printed in Result. */
  async press(button: string): Promise<PageResult> {
    await this.page.getByRole("button", { name: button, exact: true }).click();
    return this.result();
  }

  async result(): Promise<PageResult> {
    const output = this.page.getByLabel("Result");
    await expect(output).not.toBeEmpty();
    return JSON.parse((await output.textContent()) ?? "");
  }

  async events(): Promise<{ type: string; field: string; cardBrand: string; detail: Record<string, unknown> }[]> {
    const text = (await this.page.getByLabel("Events").textContent()) ?? "";
    return text.split("\n").filter(Boolean).map((line) => JSON.parse(line));
  }
}
