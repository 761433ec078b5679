import { chromium } from "@playwright/test";
import { browserLaunchOptions } from "../../e2e/support/browser";

/**
 * Signs in to Patron as a seller the way a person does (Sign in with Square → pick the seller on the
 * local Square's consent page → Allow), then closes the browser and hands back the session cookie,
 * so the measurements that follow use plain HTTP with no browser eating the shared CPU.
 * `allowedAt` is when Allow was clicked: Patron starts the seller's backfill on that sign-in.
 */
export async function signIn(appUrl: string, businessName: string): Promise<{ cookie: string; allowedAt: number }> {
  const browser = await chromium.launch(browserLaunchOptions());
  try {
    const context = await browser.newContext({ baseURL: appUrl });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in with Square" }).click();
    await page.getByLabel("Seller").selectOption({ label: businessName });
    const allowedAt = performance.now();
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL((url) => url.origin === new URL(appUrl).origin && !url.pathname.startsWith("/api/auth"), { timeout: 120_000 });
    const cookie = (await context.cookies(appUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
    if (!/session-token/.test(cookie)) throw new Error("Signing in left no session cookie.");
    return { cookie, allowedAt };
  } finally {
    await browser.close();
  }
}
