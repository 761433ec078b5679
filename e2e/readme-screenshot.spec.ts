import path from "node:path";
import { expect, signInWithSquare, test } from "./fixtures";
import { createCustomer, tokenFor } from "./support/local-square";

// `npm run screenshot`: the picture in README.md, taken from the real app on the local Square.
const PEOPLE: [string, string, string][] = [
  ["Maya", "Chen", "+14155550134"],
  ["Samuel", "Okafor", "+14155550178"],
  ["Lucía", "Fernández", "+14155550112"],
  ["Olivia", "Bennett", "+14155550190"],
  ["Noah", "Williams", "+14155550145"],
  ["Priya", "Raman", "+14155550163"],
];

test("README screenshot of the Customers page", async ({ page }) => {
  const accessToken = await tokenFor("PATRONDEMO001");
  for (const [given, family, phone] of PEOPLE)
    await createCustomer({ accessToken }, given, family, { email: `${given}.${family}@example.com`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""), phone });
  await page.setViewportSize({ width: 1280, height: 720 });
  await signInWithSquare(page, "Patron Demo Café");
  await expect(page.getByRole("table", { name: "Customers" })).toContainText("Maya Chen");
  await page.screenshot({ path: path.join("docs", "screenshot.png") });
});
