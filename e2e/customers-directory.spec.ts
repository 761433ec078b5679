import { downloadCsv, signInAndSync } from "./customers-support";
import { expect, test } from "./fixtures";
import { createCustomer } from "./support/local-square";
import { E2E } from "./support/servers";

/** The directory in the browser: search as you type, keyboard navigation, sorting, the CSV of the result, duplicates. */
test("keyboard: / searches, arrow keys move between customers, Enter opens one", async ({ page, seller }) => {
  const [ada, grace] = seller.customers;
  await signInAndSync(page, seller.businessName);
  await page.goto("/customers");
  const search = page.getByLabel("Search customers");
  await page.locator("body").press("/");
  await expect(search).toBeFocused();
  // Part of the test's tag: both customers, nobody else's.
  await page.keyboard.type(ada.givenName.slice(3));
  const rows = page.getByRole("table", { name: "Customers" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(page).toHaveURL(new RegExp(`q=${ada.givenName.slice(3)}`));

  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(rows.nth(1)).toBeFocused();
  // Newest first: Grace was created after Ada.
  await expect(rows.nth(1)).toContainText(grace.email);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/customers/${grace.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `${grace.givenName} ${grace.familyName}` })).toBeVisible();
});

test("partial names and phone digits find customers; every column sorts; the CSV holds the whole result in that order", async ({ page, seller }) => {
  const tag = seller.customers[0].givenName.slice(3);
  const extra = await createCustomer(seller, `Zed${tag}`, "Abbott", { phone: "+1 (415) 555-0123" });
  await signInAndSync(page, seller.businessName);
  await page.goto("/customers");
  const table = page.getByRole("table", { name: "Customers" });
  await page.getByLabel("Search customers").fill("415 555 01");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText(extra.email);

  await page.getByLabel("Search customers").fill(tag.toLowerCase());
  await expect(table.getByRole("row")).toHaveCount(4);
  await table.getByRole("button", { name: "Name" }).click();
  await expect(table.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("row").nth(1)).toContainText(seller.customers[0].givenName);
  await table.getByRole("button", { name: "Name" }).click();
  await expect(table.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("row").nth(1)).toContainText(`Zed${tag}`);
  for (const column of ["Email", "Phone", "Cards on file", "Gift cards", "Orders", "Lifetime spend", "Last visit"]) {
    await table.getByRole("button", { name: column }).click();
    await expect(table.getByRole("columnheader", { name: column })).not.toHaveAttribute("aria-sort", "none");
    await expect(table.getByRole("row")).toHaveCount(4);
  }
  await table.getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name/);

  const csv = await downloadCsv(page, "Export CSV");
  expect(csv[0]).toEqual(["Name", "Email", "Phone", "Cards on file", "Gift cards", "Orders", "Lifetime spend", "Currency", "Last visit", "Customer ID"]);
  const body = csv.slice(1);
  expect(body.map((r) => r[9])).toEqual([seller.customers[0].id, seller.customers[1].id, extra.id]);
  expect(body[0]).toEqual([`${seller.customers[0].givenName} Lovelace`, seller.customers[0].email, "", "0", "0", "0", "0.00", "USD", "", seller.customers[0].id]);
  // Kept as typed; the leading ' stops a spreadsheet from reading "+1…" as a formula.
  expect(body[2][2]).toBe("'+1 (415) 555-0123");
});

test("possible duplicates: the same email in another case, with a link to merge them on the local Square", async ({ page, seller }) => {
  const ada = seller.customers[0];
  const twin = await createCustomer(seller, ada.givenName, "L.", { email: ada.email.toUpperCase() });
  await signInAndSync(page, seller.businessName);
  await page.goto("/customers");
  await page.getByRole("link", { name: "Possible duplicates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Possible duplicates" })).toBeVisible();
  const group = page.getByRole("region", { name: `Same email: ${ada.email}` });
  await expect(group.getByRole("row")).toHaveCount(3);
  const merge = group.getByRole("link", { name: "Merge in the local Square" });
  const href = new URL((await merge.getAttribute("href"))!);
  expect(href.origin + href.pathname).toBe(`${E2E.emulatorUrl}/_emulator/merge`);
  expect(href.searchParams.get("customer_ids")).toBe(`${ada.id},${twin.id}`);
  expect(href.searchParams.get("merchant_id")).toBe(seller.merchantId);

  // Merging on the local Square: Patron follows, and the old ids lead to the merged profile.
  await merge.click();
  await page.getByRole("button", { name: "Merge selected profiles" }).click();
  await expect(page.getByRole("status")).toContainText("Merged into");
  // The merge reaches Patron as webhooks: one profile left with that email, a new id.
  const directory = async () => (await (await page.request.get(`/api/customers?q=${encodeURIComponent(ada.email)}`)).json()) as { customers: { id: string }[] };
  await expect.poll(async () => (await directory()).customers.map((c) => c.id).join(), { timeout: 30_000 }).toMatch(/^[^,]+$/);
  const [merged] = (await directory()).customers;
  expect([ada.id, twin.id]).not.toContain(merged.id);
  for (const old of [ada.id, twin.id]) {
    // The redirect arrives in the stream (the page streams its panels), so the navigation is replaced.
    await page.goto(`/customers/${old}`, { waitUntil: "commit" });
    await expect(page).toHaveURL(new RegExp(`/customers/${merged.id}$`));
  }
  await expect(page.getByRole("list", { name: "Previous IDs" })).toContainText(ada.id);
  await expect(page.getByRole("list", { name: "Previous IDs" })).toContainText(twin.id);
});
