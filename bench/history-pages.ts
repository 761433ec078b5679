/**
 * `npx tsx bench/history-pages.ts` — a benchmark, not a test.
 *
 * Against a running Patron (BENCH_APP_URL, default http://localhost:3000) on a local Square: signs in
 * as a seller through the consent page (BENCH_SELLER, default "Patron Demo Café"), waits until the
 * mirror is synced, then times each history page's full server response (median and worst of
 * BENCH_RUNS after a warm-up) and a CSV export of BENCH_EXPORT_DAYS days of payments. With
 * BENCH_APP_PID it also samples the app's resident memory during the export.
 */
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { browserLaunchOptions } from "../e2e/support/browser";

const APP = process.env.BENCH_APP_URL ?? "http://localhost:3000";
const SELLER = process.env.BENCH_SELLER ?? "Patron Demo Café";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EXPORT_DAYS = Number(process.env.BENCH_EXPORT_DAYS ?? 365);
const APP_PID = process.env.BENCH_APP_PID ? Number(process.env.BENCH_APP_PID) : null;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function main() {
  const browser = await chromium.launch(browserLaunchOptions());
  const context = await browser.newContext({ baseURL: APP });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Square" }).click();
  await page.getByLabel("Seller").selectOption({ label: SELLER });
  await page.getByRole("button", { name: "Allow" }).click();
  await page.waitForURL((url) => url.origin === new URL(APP).origin);

  const started = Date.now();
  for (;;) {
    const status = await (await context.request.get("/api/sync/status")).json();
    if (status.state === "synced") break;
    if (Date.now() - started > 60 * 60_000) throw new Error("The mirror did not finish syncing within an hour.");
    await new Promise((r) => setTimeout(r, 2000));
  }
  console.log(`Mirror synced (waited ${((Date.now() - started) / 1000).toFixed(0)} s).`);

  const orderId = /href="\/orders\/([A-Za-z0-9]+)"/.exec(await (await context.request.get("/orders")).text())?.[1];
  const paymentId = /href="\/payments\/([A-Za-z0-9]+)"/.exec(await (await context.request.get("/payments")).text())?.[1];
  const year = `from=${day(-364)}&to=${day(0)}`;
  const pages = [
    "/overview",
    "/orders",
    `/orders?${year}`,
    `/orders?${year}&source=Square+Online`,
    `/orders?${year}&customer=without`,
    `/orders/${orderId}`,
    "/payments",
    `/payments?${year}&brand=VISA&status=COMPLETED`,
    `/payments/${paymentId}`,
    "/reports",
    `/reports?${year}`,
    `/reports?${year}&period=day`,
  ];
  console.log(`\n| Page | median ms | worst ms |\n|---|---|---|`);
  for (const url of pages) {
    await context.request.get(url);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const res = await context.request.get(url);
      await res.body();
      if (!res.ok()) throw new Error(`${url} answered ${res.status()}`);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    console.log(`| \`${url}\` | ${samples[Math.floor(RUNS / 2)].toFixed(0)} | ${samples[RUNS - 1].toFixed(0)} |`);
  }

  const exportUrl = `${APP}/api/exports/payments?from=${day(-(EXPORT_DAYS - 1))}&to=${day(0)}`;
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const before = APP_PID ? rssMb(APP_PID) : 0;
  let peak = before;
  const sampler = APP_PID ? setInterval(() => (peak = Math.max(peak, rssMb(APP_PID))), 50) : null;
  const t = performance.now();
  const res = await fetch(exportUrl, { headers: { cookie } });
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 10) newlines++;
  }
  if (sampler) clearInterval(sampler);
  console.log(
    `\nExport of ${EXPORT_DAYS} days of payments: ${res.headers.get("x-row-count")} rows announced, ${newlines - 1} lines, ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s` +
      (APP_PID ? `; app RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB)` : ""),
  );
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
