import { expect, test } from "./fixtures";

// Square's SCA (3-D Secure) test cards (square-api-notes §9.3).
const CHALLENGE_CARDS: [string, string, string][] = [
  ["Visa EU", "4310 0000 0020 1019", "111"],
  ["Mastercard", "5248 4800 0021 0026", "111"],
  ["Mastercard EU", "5500 0000 0020 1016", "111"],
  ["American Express EU", "3700 000002 01014", "1111"],
];
const FRICTIONLESS_CARDS: [string, string][] = [
  ["Visa", "4800 0000 0000 0004"],
  ["Mastercard", "5222 2200 0000 0005"],
  ["Discover EU", "6011 0000 0020 1016"],
];

test.describe("SCA in the Web Payments SDK stand-in", () => {
  for (const [name, number, cvv] of CHALLENGE_CARDS) {
    test(`${name} ${number} asks for the verification code inside the card iframe`, async ({ checkout, local, seller }) => {
      await checkout.open();
      await checkout.verification("CHARGE");
      await checkout.fillCard({ number, cvv });
      await checkout.page.getByRole("button", { name: "Pay", exact: true }).click();
      const dialog = checkout.cardFrame.getByRole("dialog", { name: "Confirm it's you" });
      await expect(dialog).toBeVisible();
      await checkout.cardFrame.getByLabel("Verification code").fill("123456");
      await checkout.cardFrame.getByRole("button", { name: "Verify" }).click();
      const result = await checkout.result();
      expect(result).toMatchObject({ status: "OK", details: { method: "Card" } });
      await expect(dialog).toBeHidden();
      const row = local.emulator.ctx.store.table<{ verified: boolean; verification?: { userChallenged: boolean } }>("payment_tokens").get(seller.merchantId, result.token!);
      expect(row).toMatchObject({ verified: true, verification: { userChallenged: true } });
    });
  }

  test("a wrong verification code gives an Error result", async ({ checkout }) => {
    await checkout.open();
    await checkout.verification("STORE");
    await checkout.fillCard({ number: "4310 0000 0020 1019" });
    await checkout.page.getByRole("button", { name: "Pay", exact: true }).click();
    await checkout.cardFrame.getByLabel("Verification code").fill("654321");
    await checkout.cardFrame.getByRole("button", { name: "Verify" }).click();
    expect(await checkout.result()).toMatchObject({ status: "Error", errors: [{ type: "VERIFICATION_FAILED" }] });
  });

  for (const [name, number] of FRICTIONLESS_CARDS) {
    test(`frictionless ${name} ${number} passes without a dialog`, async ({ checkout }) => {
      await checkout.open();
      await checkout.verification("CHARGE_AND_STORE");
      await checkout.fillCard({ number });
      expect(await checkout.press("Pay")).toMatchObject({ status: "OK" });
      await expect(checkout.cardFrame.getByRole("dialog")).toHaveCount(0);
    });
  }

  test("4811 1100 0000 0008 fails verification", async ({ checkout }) => {
    await checkout.open();
    await checkout.verification("CHARGE");
    await checkout.fillCard({ number: "4811 1100 0000 0008" });
    expect(await checkout.press("Pay")).toMatchObject({ status: "Error", errors: [{ type: "VERIFICATION_FAILED" }] });
  });

  test("without verification details no card is challenged", async ({ checkout }) => {
    await checkout.open();
    await checkout.fillCard({ number: "4310 0000 0020 1019" });
    expect(await checkout.press("Pay")).toMatchObject({ status: "OK" });
    await expect(checkout.cardFrame.getByRole("dialog")).toHaveCount(0);
  });

  test("legacy verifyBuyer challenges in an emulator iframe and returns a verification token", async ({ checkout, page }) => {
    await checkout.open();
    await checkout.fillCard({ number: "4310 0000 0020 1019" });
    expect(await checkout.press("Pay")).toMatchObject({ status: "OK" });
    await checkout.verification("CHARGE");
    await page.getByRole("button", { name: "Verify buyer" }).click();
    const verifyFrame = page.frameLocator('iframe[title="Verify your card"]');
    await verifyFrame.getByLabel("Verification code").fill("123456");
    await verifyFrame.getByRole("button", { name: "Verify" }).click();
    const result = await checkout.result();
    expect(result).toEqual({ token: expect.stringMatching(/^verf:/), userChallenged: true });
    await expect(page.locator('iframe[title="Verify your card"]')).toHaveCount(0);
  });

  test("legacy verifyBuyer rejects with VerifyBuyerError when verification fails", async ({ checkout, page }) => {
    await checkout.open();
    await checkout.fillCard({ number: "4811 1100 0000 0008" });
    expect(await checkout.press("Pay")).toMatchObject({ status: "OK" });
    await checkout.verification("STORE");
    await page.getByRole("button", { name: "Verify buyer" }).click();
    expect(await checkout.result()).toMatchObject({ thrown: "VerifyBuyerError" });
  });
});
