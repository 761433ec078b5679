import { describe, expect, it } from "vitest";
import { parseAmountInput } from "./parse-amount";

const USD = { currency: "USD", max: 500_000 };

describe("amounts typed in dollars and cents", () => {
  it.each([
    ["12.50", 1250],
    ["12.5", 1250],
    ["12", 1200],
    ["12.", 1200],
    [".5", 50],
    ["0.01", 1],
    ["19.99", 1999],
    ["0.29", 29],
    ["1.10", 110],
    ["$4.35", 435],
    [" $ 1,250.00 ", 125_000],
    ["5000.00", 500_000],
    ["0005.07", 507],
  ])("reads %j as %i cents exactly", (text, cents) => expect(parseAmountInput(text, USD)).toEqual({ ok: true, amount: cents }));

  it("is exact where floating point is not (0.29 * 100 = 28.999…)", () => {
    const wrong: string[] = [];
    for (let cents = 1; cents <= 10_000; cents++) {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
      const read = parseAmountInput(text, USD);
      if (!read.ok || read.amount !== cents) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ["0", "Enter an amount above zero."],
    ["0.00", "Enter an amount above zero."],
    ["-5", "Enter an amount above zero; refunds are made in Square."],
    ["-0.01", "Enter an amount above zero; refunds are made in Square."],
    ["1.234", "Use at most 2 decimal places (USD has cents)."],
    ["0.001", "Use at most 2 decimal places (USD has cents)."],
    ["5000.01", "The most you can charge at once is $5,000.00."],
    ["99999999999999999999", "The most you can charge at once is $5,000.00."],
    ["", "Enter an amount."],
    ["   ", "Enter an amount."],
    ["abc", "Enter the amount as a number, like 12.50."],
    ["1e3", "Enter the amount as a number, like 12.50."],
    ["12,5", "Enter the amount as a number, like 12.50."],
    ["1.2.3", "Enter the amount as a number, like 12.50."],
    [".", "Enter the amount as a number, like 12.50."],
    ["$", "Enter the amount as a number, like 12.50."],
    ["Infinity", "Enter the amount as a number, like 12.50."],
    ["0x10", "Enter the amount as a number, like 12.50."],
  ])("refuses %j: %s", (text, message) => expect(parseAmountInput(text, USD)).toEqual({ ok: false, message }));

  it("follows the currency's minor units", () => {
    expect(parseAmountInput("1500", { currency: "JPY", max: 1_000_000 })).toEqual({ ok: true, amount: 1500 });
    expect(parseAmountInput("15.5", { currency: "JPY", max: 1_000_000 })).toEqual({ ok: false, message: "JPY has no decimal places." });
  });
});
