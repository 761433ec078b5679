import { describe, expect, it } from "vitest";
import { amountToDecimal, parseAmount } from "./money";

describe("money as typed and as stored", () => {
  it.each([
    ["12.5", "USD", 1250],
    ["12,50", "EUR", 1250],
    [" 0.01 ", "USD", 1],
    ["7", "USD", 700],
    ["1500", "JPY", 1500],
    ["0.1", "USD", 10],
  ])("parses %s %s as %i minor units", (text, currency, minor) => expect(parseAmount(text, currency)).toBe(minor));

  it.each([["12.345", "USD"], ["1.5", "JPY"], ["-1", "USD"], ["1e3", "USD"], ["", "USD"], ["12.5.0", "USD"], ["99999999999999", "USD"]])("refuses %s %s", (text, currency) =>
    expect(parseAmount(text, currency)).toBeNull(),
  );

  it("writes minor units back as the decimal string the SDK's verification details take", () => {
    expect([amountToDecimal(2899, "USD"), amountToDecimal(5, "USD"), amountToDecimal(1500, "JPY"), amountToDecimal(100, "EUR")]).toEqual(["28.99", "0.05", "1500", "1.00"]);
  });
});
