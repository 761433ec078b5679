import { describe, expect, it } from "vitest";
import { toMoney, toSafeNumber, toSquareMoney } from "./money";

describe("money at the Square boundary", () => {
  it("turns the SDK's bigint amounts into integer numbers and back", () => {
    expect(toMoney({ amount: BigInt(1234), currency: "USD" })).toEqual({ amount: 1234, currency: "USD" });
    expect(toSquareMoney({ amount: 1234, currency: "USD" })).toEqual({ amount: BigInt(1234), currency: "USD" });
    expect(toMoney(undefined)).toBeNull();
    expect(toMoney({ currency: "USD" })).toBeNull();
  });

  it("refuses fractions and amounts beyond exact integers", () => {
    expect(() => toSquareMoney({ amount: 12.5, currency: "USD" })).toThrow(RangeError);
    expect(() => toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER) + BigInt(2))).toThrow(RangeError);
  });
});
