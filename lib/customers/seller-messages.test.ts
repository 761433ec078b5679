import { describe, expect, it } from "vitest";
import { declineSentence, sellerMessage } from "./seller-messages";

describe("Square's codes as sentences for the seller", () => {
  it.each([
    [["GENERIC_DECLINE"], "CARD", "The card was declined. Choose another card, or ask the customer to contact their bank."],
    [["GENERIC_DECLINE", "CVV_FAILURE"], "CARD", "The card's security code (CVV) was refused. Check it with the customer, or use another card."],
    [["ADDRESS_VERIFICATION_FAILURE"], "CARD", "The postal code doesn't match the card's billing address. Check it with the customer, or use another card."],
    [["INVALID_EXPIRATION"], "CARD", "The card has expired, or its expiry date is wrong. Use another card."],
    [["CARD_EXPIRED"], "CARD", "The card has expired, or its expiry date is wrong. Use another card."],
    [["INSUFFICIENT_FUNDS"], "GIFT_CARD", "The gift card doesn't have enough balance for this amount. Charge less, or choose another card."],
    [["INSUFFICIENT_FUNDS"], "CARD", "The card was declined for insufficient funds. Choose another card."],
    [["CARD_DECLINED_VERIFICATION_REQUIRED"], "CARD", "The card's bank wants the customer to verify this card. Save or use it with the customer present, through the card form."],
    [["CARD_TOKEN_USED"], "CARD", "These card details have expired or were already used. Enter the card again."],
    [["GENERIC_DECLINE"], "GIFT_CARD", "The gift card was declined. Choose another card or gift card."],
  ] as const)("declined with %j (%s)", (codes, method, sentence) => expect(declineSentence([...codes], method)).toBe(sentence));

  it("explains other refusals by where they happened", () => {
    expect(sellerMessage("CONFLICT", "customer")).toMatch(/^Someone else changed this customer/);
    expect(sellerMessage("INVALID_CARD", "charge")).toBe("This card is disabled or no longer usable, so it can't be charged. Choose another card.");
    expect(sellerMessage("INVALID_CARD", "gift-card")).toBe("This gift card isn't active, so it can't be used.");
    expect(sellerMessage("CARD_DISABLED", "disable-card")).toBe("This card is already disabled.");
    expect(sellerMessage("SOURCE_USED", "save-card-from-payment")).toBe("The card from this payment is already saved on file.");
    expect(sellerMessage("INVALID_CARD_DATA", "save-card")).toMatch(/postal code/);
    expect(sellerMessage("NOT_FOUND", "gift-card")).toBe("Square has no gift card with that number. Check the number on the card.");
    expect(sellerMessage("MISSING_REQUIRED_PARAMETER", "customer")).toBe("Give at least a first name, last name, company, email or phone number.");
    expect(sellerMessage("INVALID_PHONE_NUMBER", "customer")).toMatch(/country code/);
  });

  it("has nothing specific to say about codes it does not know", () => {
    expect(sellerMessage("SOMETHING_NEW", "charge")).toBeNull();
    expect(sellerMessage(undefined, "charge")).toBeNull();
  });
});
