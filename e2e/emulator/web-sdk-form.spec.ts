import { expect, test } from "./fixtures";

test.describe("The stand-in's card form behaves like the SDK's", () => {
  test("live validation: Luhn, past expiry and CVV length by brand mark the field in error", async ({ checkout }) => {
    await checkout.open();
    const number = checkout.cardFrame.getByLabel("Card number");
    await number.fill("4111 1111 1111 1112");
    await expect(number).toHaveAttribute("aria-invalid", "true");
    await number.fill("4111 1111 1111 1111");
    await expect(number).toHaveAttribute("aria-invalid", "false");

    const expiry = checkout.cardFrame.getByLabel("Expiration date");
    await expiry.fill("01/21");
    await expect(expiry).toHaveAttribute("aria-invalid", "true");
    await expiry.fill("01/40");
    await expect(expiry).toHaveAttribute("aria-invalid", "false");

    const cvv = checkout.cardFrame.getByLabel("CVV");
    await cvv.fill("1234");
    await expect(cvv).toHaveAttribute("aria-invalid", "true");
    await number.fill("3400 000000 00009");
    await expect(cvv).toHaveAttribute("aria-invalid", "false");
  });

  test("fires cardBrandChanged, focus, error and postalCodeChanged events with the documented detail", async ({ checkout }) => {
    await checkout.open();
    await checkout.cardFrame.getByLabel("Card number").fill("3400 0000 0000 009");
    await checkout.cardFrame.getByLabel("Card number").fill("4111 1111 1111 1112");
    await checkout.cardFrame.getByLabel("Postal code").fill("94107");
    await expect.poll(async () => (await checkout.events()).map((e) => e.type)).toEqual(
      expect.arrayContaining(["focusClassAdded", "focusClassRemoved", "cardBrandChanged", "errorClassAdded", "postalCodeChanged"]),
    );
    const events = await checkout.events();
    expect(events.filter((e) => e.type === "cardBrandChanged").map((e) => e.cardBrand)).toEqual(["AMERICAN_EXPRESS", "VISA"]);
    const error = events.find((e) => e.type === "errorClassAdded")!;
    expect(error.detail).toMatchObject({
      eventType: "errorClassAdded",
      field: "cardNumber",
      cardBrand: "VISA",
      currentState: { hasErrorClass: true, isCompletelyValid: false, isEmpty: false, isPotentiallyValid: false },
      previousState: { hasErrorClass: false },
    });
    expect(events.filter((e) => e.type === "postalCodeChanged").at(-1)!.detail).toMatchObject({ field: "postalCode", postalCodeValue: "94107" });
  });

  test("configure({ postalCode }) prefills, clear() empties, focus() focuses, destroy() removes the iframe", async ({ checkout, page }) => {
    await checkout.open({ postal: "10001" });
    await expect(checkout.cardFrame.getByLabel("Postal code")).toHaveValue("10001");
    await checkout.cardFrame.getByLabel("Card number").fill("4111 1111 1111 1111");
    await page.evaluate(() => (window as unknown as { checkout: { card: { clear(): Promise<boolean> } } }).checkout.card.clear());
    await expect(checkout.cardFrame.getByLabel("Card number")).toHaveValue("");
    await page.evaluate(() => (window as unknown as { checkout: { card: { focus(f: string): Promise<boolean> } } }).checkout.card.focus("cvv"));
    await expect(checkout.cardFrame.getByLabel("CVV")).toBeFocused();
    await page.evaluate(() => (window as unknown as { checkout: { card: { destroy(): Promise<boolean> } } }).checkout.card.destroy());
    await expect(page.locator('iframe[title="Card payment form"]')).toHaveCount(0);
  });

  test("the iframe stays inert when embedded by a page other than the one it was told", async ({ checkout, page, local, seller }) => {
    await checkout.open();
    const query = new URLSearchParams({ kind: "card", parent: "http://evil.example", applicationId: seller.applicationId, locationId: seller.locationId });
    await page.evaluate((src) => {
      const frame = document.createElement("iframe");
      frame.title = "Spoofed form";
      frame.src = src;
      document.body.append(frame);
    }, `${local.emulator.url}/web-sdk/v1/frame.html?${query}`);
    const spoofed = page.frameLocator('iframe[title="Spoofed form"]');
    await expect(spoofed.getByRole("alert")).toHaveText("This payment form only works inside the page that created it.");
    await expect(spoofed.getByLabel("Card number")).toHaveCount(0);
  });
});
