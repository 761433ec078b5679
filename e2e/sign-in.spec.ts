import { expect, signInWithSquare, test } from "./fixtures";

test("an anonymous visit to the dashboard goes to sign-in", async ({ page }) => {
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in with Square" })).toBeVisible();
});

test("a seller signs in through the local Square and sees their customers", async ({ page, seller }) => {
  await signInWithSquare(page, seller.businessName);
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await expect(page.getByLabel("Signed in as")).toHaveText(seller.businessName);
  const table = page.getByRole("table", { name: "Customers" });
  for (const c of seller.customers) {
    const row = table.getByRole("row").filter({ hasText: `${c.givenName} ${c.familyName}` });
    await expect(row).toContainText(c.email);
  }
  // Newest first.
  await expect(table.getByRole("row").nth(1)).toContainText(seller.customers[1].givenName);
});

test("the demo seller is ready to sign in on a fresh local Square", async ({ page }) => {
  await signInWithSquare(page, "Patron Demo Café");
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await expect(page.getByLabel("Signed in as")).toHaveText("Patron Demo Café");
  await expect(page.getByRole("table", { name: "Customers" }).or(page.getByText("No customers yet"))).toBeVisible();
});

test("the dashboard navigation reaches every section", async ({ page, seller }) => {
  await signInWithSquare(page, seller.businessName);
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  for (const [label, heading] of [
    ["Overview", "Overview"],
    ["Orders", "Orders"],
    ["Payments", "Payments"],
    ["Reports", "Reports"],
    ["Checkout links", "Checkout links"],
    ["Settings", "Settings"],
    ["Customers", "Customers"],
  ]) {
    await nav.getByRole("link", { name: label }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
  }
});

test("signing out ends the session", async ({ page, seller }) => {
  await signInWithSquare(page, seller.businessName);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/login/);
});

test("denying access on Square's consent page leaves the seller signed out with an explanation", async ({ page, seller }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Square" }).click();
  await page.getByLabel("Seller").selectOption({ label: seller.businessName });
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("alert").filter({ hasText: "choose Allow" })).toBeVisible();
});
