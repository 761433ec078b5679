import { expect, test } from "@playwright/test";
import { formatReport, runLoad } from "../bench/load/run-load";
import { E2E } from "./support/servers";

/**
 * The load test's short form (the full one is `npm run bench:load`): buyers pay through the payment
 * page's server action while sellers browse the dashboard, all at once, against the local Square
 * with a little latency. Only declines may fail, and Square holds exactly one order per attempt and
 * one payment per paid attempt, the one on the buyer's receipt.
 */
test("12 buyers pay and 4 sellers browse at once: no errors but declines, one payment per checkout attempt", async ({}, testInfo) => {
  const report = await runLoad({ appUrl: E2E.appUrl, emulatorUrl: E2E.emulatorUrl, distDir: E2E.distDir, buyers: 12, sellers: 4, rounds: 1, latencyMs: 3, jitterMs: 2 });
  console.log(formatReport(report));
  testInfo.annotations.push({ type: "p95", description: `checkout action ${report.checkout.p95} ms, dashboard pages ${report.allPages.p95} ms` });
  expect(report.errors).toEqual([]);
  expect(report.problems).toEqual([]);
  // Buyer 6 is declined before paying, buyer 10 is declined and leaves; 4 and 9 double-click.
  expect({ paid: report.paid, declined: report.declined, submissions: report.submissions }).toEqual({ paid: 11, declined: 2, submissions: 15 });
  expect(report.allPages.count).toBe(4 * 8);
});
