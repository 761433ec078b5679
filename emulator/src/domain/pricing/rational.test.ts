import { describe, expect, it } from "vitest";
import { apportion, frac, parseDecimal, roundHalfEven } from "./rational";

describe("roundHalfEven", () => {
  it.each([
    [585n, 10n, 58n], // Square's forum example: 9.75 % of $6.00 = 58.5¢ → 58¢
    [595n, 10n, 60n],
    [5851n, 100n, 59n],
    [5849n, 100n, 58n],
    [1n, 2n, 0n],
    [3n, 2n, 2n],
    [-3n, 2n, -2n],
    [-5n, 2n, -2n],
    [-7n, 3n, -2n],
    [42n, 1n, 42n],
  ])("%s/%s → %s", (n, d, expected) => {
    expect(roundHalfEven(frac(n, d))).toBe(expected);
  });
});

describe("parseDecimal", () => {
  it.each([
    ["7.25", 725n, 100n],
    ["10", 10n, 1n],
    ["0.5", 5n, 10n],
  ])("%s", (text, n, d) => expect(parseDecimal(text)).toEqual({ n, d }));

  it.each(["", "-1", "1.", ".5", "1e3", "abc", "1,5"])("refuses %j", (text) => expect(parseDecimal(text)).toBeUndefined());
});

describe("apportion", () => {
  it.each([
    { total: 100n, shares: [1n, 1n, 1n], expected: [34n, 33n, 33n] },
    { total: 100n, shares: [1000n, 500n, 500n], expected: [50n, 25n, 25n] },
    { total: 133n, shares: [1000n, 333n], expected: [100n, 33n] },
    { total: 5n, shares: [0n, 10n], expected: [0n, 5n] },
    { total: 7n, shares: [0n, 0n], expected: [0n, 0n] },
    { total: 2n, shares: [1n, 2n, 2n], expected: [0n, 1n, 1n] },
  ])("$total over $shares", ({ total, shares, expected }) => {
    const parts = apportion(total, shares.map((s) => frac(s)));
    expect(parts).toEqual(expected);
    if (shares.some((s) => s > 0n)) expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
  });
});
