import { expect, signInWithSquare, test } from "./fixtures";

test("a missing permission is explained, and re-authorizing grants it", async ({ page, seller }) => {
  await signInWithSquare(page, seller.businessName, { untick: ["CUSTOMERS_READ"] });
  await page.goto("/customers");
  const alert = page.getByRole("alert").filter({ hasText: "Patron needs more permissions" });
  await expect(alert).toContainText("CUSTOMERS_READ");
  await expect(page.getByRole("table", { name: "Customers" })).toHaveCount(0);

  await page.goto("/settings");
  await expect(page.getByRole("list", { name: "Permissions" }).getByRole("listitem").filter({ hasText: "CUSTOMERS_READ" })).toContainText("Not allowed");

  await signInWithSquare(page, seller.businessName, { from: "/customers" });
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole("table", { name: "Customers" })).toContainText(seller.customers[0].email);
});

test("disconnecting revokes Patron's access and signs the seller out", async ({ page, seller }) => {
  await signInWithSquare(page, seller.businessName);
  await page.goto("/settings");
  await page.getByRole("button", { name: "Disconnect Square" }).click();
  await page.getByRole("button", { name: "Yes, disconnect" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/login/);

  // Connecting again works and shows the same data.
  await signInWithSquare(page, seller.businessName);
  await expect(page.getByRole("table", { name: "Customers" })).toContainText(seller.customers[1].email);
});
