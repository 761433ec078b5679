import { randomUUID } from "node:crypto";
import { squareGet } from "./checkout-support";
import { openCardForm, openCustomer, signInAndSync, typeCard } from "./customers-support";
import { expect, test } from "./fixtures";
import { E2E } from "./support/servers";

interface Found<T> {
  cards?: T[];
  payments?: T[];
}

/**
 * The customer 360 in the browser: found by part of a name, a card saved through Square's iframe
 * with the customer's consent, charged on file, the payment in the history; and without consent,
 * nothing saved.
 */
test("search, open the customer, save a card with consent through Square's form, charge it, see the payment in the history", async ({ page, seller }) => {
  const ada = seller.customers[0];
  const name = `${ada.givenName} ${ada.familyName}`;
  await signInAndSync(page, seller.businessName);
  await openCustomer(page, ada.givenName.slice(1, -1).toLowerCase(), name);

  const cards = page.getByRole("region", { name: "Cards on file", exact: true });
  await expect(cards).toContainText("No cards on file.");
  const form = await openCardForm(page);
  await typeCard(page, { number: "4111 1111 1111 1111" });
  const consent = form.getByRole("checkbox", { name: `${name} agrees that ${seller.businessName} may save this card on file` });
  await expect(consent).not.toBeChecked();
  await consent.check();
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved Visa •••• 1111 on file.");
  const row = cards.getByRole("table", { name: "Cards on file" }).getByRole("row").filter({ hasText: "Visa •••• 1111" });
  await expect(row).toContainText("Enabled");
  await expect(row).toContainText("12/2034");
  await expect(row).toContainText("Recorded");

  const charge = page.getByRole("region", { name: "Charge on file" });
  await expect(charge.getByLabel("Card or gift card")).toHaveValue(/^ccof:/);
  await charge.getByLabel("Amount (USD)").fill("0.001");
  await charge.getByRole("button", { name: "Charge" }).click();
  await expect(charge.getByText("Use at most 2 decimal places (USD has cents).")).toBeVisible();
  await charge.getByLabel("Amount (USD)").fill("12.50");
  await charge.getByLabel("Note (optional)").fill("Cake deposit");
  await charge.getByRole("button", { name: "Charge $12.50" }).click();
  const done = charge.getByRole("status");
  await expect(done).toContainText(/Charged \$12\.50 to card •••• 1111\. Receipt #\w{4}/);
  const paymentId = (await done.getByRole("link", { name: "View the payment" }).getAttribute("href"))!.split("/payments/")[1];
  await expect(done.getByRole("link", { name: "Square receipt" })).toHaveAttribute("href", new RegExp(paymentId));

  const history = page.getByRole("table", { name: "Orders and payments" });
  const sale = history.getByRole("row").filter({ has: page.getByRole("link", { name: /\$12\.50 · Visa •••• 1111/ }) });
  await expect(sale).toContainText("Completed");
  await expect(sale).toContainText("from the payment");
  await expect(sale.getByRole("link", { name: /\$12\.50 · Visa •••• 1111/ })).toHaveAttribute("href", `/payments/${paymentId}`);
  const trail = page.getByRole("list", { name: "Audit trail" });
  await expect(trail).toContainText("Saved a card on file, with consent");
  await expect(trail).toContainText("Charged on file — 12.50 USD");

  // At Square: the card is the customer's, the payment charged it with the customer and an order.
  const { cards: atSquare } = await squareGet<Found<{ id: string; last_4: string; customer_id: string }>>(seller, `/v2/cards?customer_id=${ada.id}`);
  expect(atSquare).toEqual([expect.objectContaining({ last_4: "1111", customer_id: ada.id })]);
  const { payment } = await squareGet<{ payment: { source_type: string; customer_id: string; order_id: string; note: string; card_details: { card: { last_4: string }; entry_method: string } } }>(seller, `/v2/payments/${paymentId}`);
  expect(payment).toMatchObject({ customer_id: ada.id, note: "Cake deposit", card_details: { entry_method: "ON_FILE", card: { last_4: "1111" } } });
});

test("with the consent box unticked, nothing is saved", async ({ page, seller }) => {
  const grace = seller.customers[1];
  const name = `${grace.givenName} ${grace.familyName}`;
  await signInAndSync(page, seller.businessName);
  await openCustomer(page, grace.givenName.slice(0, -1).toLowerCase(), name);
  const form = await openCardForm(page);
  await typeCard(page, { number: "4111 1111 1111 1111" });
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(form.getByRole("alert")).toHaveText("Tick the box to confirm the customer agreed to have this card saved. Nothing was saved.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Cards on file", exact: true })).toContainText("No cards on file.");
  const { cards } = await squareGet<Found<unknown>>(seller, `/v2/cards?customer_id=${grace.id}&include_disabled=true`);
  expect(cards ?? []).toEqual([]);
});

test("a declined card shows why, and another card pays the same order", async ({ page, seller }) => {
  const ada = seller.customers[0];
  const name = `${ada.givenName} ${ada.familyName}`;
  await signInAndSync(page, seller.businessName);
  await openCustomer(page, ada.givenName.toLowerCase(), name);
  for (const number of ["4000 0000 0000 0002", "5105 1051 0510 5100"]) {
    const form = await openCardForm(page);
    await typeCard(page, { number });
    await form.getByRole("checkbox").check();
    await form.getByRole("button", { name: "Save card" }).click();
    await expect(form.getByRole("status")).toContainText("on file.");
    await form.getByRole("button", { name: "Close" }).click();
  }
  const charge = page.getByRole("region", { name: "Charge on file" });
  await charge.getByLabel("Card or gift card").selectOption({ label: "Visa •••• 0002" });
  await charge.getByLabel("Amount (USD)").fill("8");
  await charge.getByRole("button", { name: "Charge $8.00" }).click();
  await expect(charge.getByRole("alert")).toHaveText("The card was declined. Choose another card, or ask the customer to contact their bank.");
  await charge.getByLabel("Card or gift card").selectOption({ label: "Mastercard •••• 5100" });
  await charge.getByRole("button", { name: "Charge $8.00" }).click();
  await expect(charge.getByRole("status")).toContainText("Charged $8.00 to card •••• 5100");
  const history = page.getByRole("table", { name: "Orders and payments" });
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history.getByRole("row").nth(1)).toContainText("Mastercard •••• 5100");
});

test("a new customer: Square's profile with the same email is offered first; edits keep the version", async ({ page, seller }) => {
  const ada = seller.customers[0];
  await signInAndSync(page, seller.businessName);
  await page.goto("/customers");
  await page.getByRole("link", { name: "New customer" }).click();
  const form = page.getByRole("form", { name: "New customer" });
  await form.getByLabel("First name").fill("Augusta");
  await form.getByLabel("Email", { exact: true }).fill(ada.email.toUpperCase());
  await form.getByLabel("Phone").focus();
  const warning = form.getByRole("alert").filter({ hasText: "Square already has a customer with this email or phone" });
  await expect(warning.getByRole("link", { name: `${ada.givenName} ${ada.familyName}` })).toHaveAttribute("href", `/customers/${ada.id}`);
  await form.getByLabel("Email", { exact: true }).fill(`augusta.${randomUUID().slice(0, 6)}@example.com`);
  await form.getByLabel("Last name").fill("King");
  await form.getByLabel("Birthday").fill("12-10");
  await form.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Augusta King" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Profile" })).toContainText("December 10");

  await page.getByRole("link", { name: "Edit customer" }).click();
  const edit = page.getByRole("form", { name: "Edit customer" });
  await edit.getByLabel("Company").fill("Analytical Engines");
  // Meanwhile someone changes the note in Square: the save shows it instead of overwriting it.
  const customerId = page.url().split("/customers/")[1].split("/")[0];
  await fetch(`${E2E.emulatorUrl}/v2/customers/${customerId}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${seller.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ note: "Prefers tea" }),
  });
  await edit.getByRole("button", { name: "Save changes" }).click();
  const conflict = edit.getByRole("alert").filter({ hasText: "Someone else changed this customer while you were editing" });
  await expect(conflict.getByRole("table", { name: "Changes made by someone else" })).toContainText("Prefers tea");
  await expect(edit.getByLabel("Note")).toHaveValue("Prefers tea");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Augusta King" })).toBeVisible();
  const profile = page.getByRole("region", { name: "Profile" });
  await expect(profile).toContainText("Analytical Engines");
  await expect(profile).toContainText("Prefers tea");
});
