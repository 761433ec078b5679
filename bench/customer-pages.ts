// Times the customer directory and the customer 360 on a running Patron (default http://localhost:3000)
// and its local Square (default http://127.0.0.1:4010), as the demo café (or BENCH_SELLER; the 360 of
// BENCH_CUSTOMER, else the top spender), and counts the Square calls each page view makes. Not a test:
// `npx tsx bench/customer-pages.ts [runs]` with both servers up.
import { chromium } from "@playwright/test";

const APP = process.env.PATRON_URL ?? "http://localhost:3000";
const SQUARE = process.env.SQUARE_EMULATOR_URL ?? "http://127.0.0.1:4010";
const SELLER = process.env.BENCH_SELLER ?? "Patron Demo Café";
const RUNS = Number(process.argv[2] ?? 20);

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  // Sign in the way a seller does, on the local Square's consent page.
  await page.goto(`${APP}/login`);
  await page.getByRole("button", { name: "Sign in with Square" }).click();
  await page.getByLabel("Seller").selectOption({ label: SELLER });
  const token = await interceptToken(page);
  await page.getByRole("button", { name: "Allow" }).click();
  await page.waitForURL((u) => u.origin === new URL(APP).origin);
  for (let i = 0; (await (await page.request.get(`${APP}/api/sync/status`)).json()).state !== "synced"; i++) {
    if (i > 600) throw new Error("The demo's backfill did not finish in 5 minutes.");
    await page.waitForTimeout(500);
  }
  const top = (await (await page.request.get(`${APP}/api/customers?sort=spend`)).json()) as { customers: { id: string; name: string }[] };
  const pages: [string, string][] = [
    ["directory (first page, newest first)", "/customers"],
    ["directory sorted by lifetime spend", "/customers?sort=spend"],
    ["directory search JSON (q=an)", "/api/customers?q=an"],
    process.env.BENCH_CUSTOMER ? ["customer 360 (BENCH_CUSTOMER)", `/customers/${process.env.BENCH_CUSTOMER}`] : [`customer 360 (${top.customers[0].name})`, `/customers/${top.customers[0].id}`],
  ];
  for (const [label, path] of pages) {
    await page.request.get(APP + path); // warm
    await square("/_emulator/stats/reset", token, {});
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const res = await page.request.get(APP + path);
      await res.body(); // the whole streamed page, every panel included
      times.push(performance.now() - started);
    }
    const stats = (await square("/_emulator/stats", token)) as { total: number };
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(0);
    console.log(`${label}: p50 ${pct(50)} ms, p95 ${pct(95)} ms over ${RUNS} views; Square calls per view: ${stats.total / RUNS}`);
  }
  await browser.close();
}

/** The consent form posts to the local Square; reading the token back needs the code exchange the app makes. */
async function interceptToken(page: import("@playwright/test").Page): Promise<string> {
  const merchantId = await page.getByLabel("Seller").inputValue();
  const form = new URLSearchParams({ client_id: process.env.SQUARE_APPLICATION_ID ?? "sandbox-sq0idb-patron-local", redirect_uri: `${APP}/api/auth/callback/square`, state: "bench", merchant_id: merchantId, decision: "allow" });
  form.append("scope", "MERCHANT_PROFILE_READ");
  const res = await fetch(`${SQUARE}/oauth2/authorize`, { method: "POST", body: form, redirect: "manual" });
  const code = new URL(res.headers.get("location") ?? "http://x/").searchParams.get("code");
  const grant = (await square("/oauth2/token", undefined, {
    client_id: process.env.SQUARE_APPLICATION_ID ?? "sandbox-sq0idb-patron-local",
    client_secret: process.env.SQUARE_APPLICATION_SECRET ?? "sandbox-sq0csb-patron-local-secret",
    grant_type: "authorization_code",
    code,
    redirect_uri: `${APP}/api/auth/callback/square`,
  })) as { access_token: string };
  return grant.access_token;
}

async function square(path: string, token?: string, body?: unknown): Promise<unknown> {
  const res = await fetch(SQUARE + path, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.status === 204 ? null : res.json();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
