import { describe, expect, it } from "vitest";
import { expiryState } from "./card-expiry";

describe("card expiry", () => {
  const now = new Date("2026-03-15T12:00:00Z");
  it.each([
    [2, 2026, "expired"],
    [12, 2025, "expired"],
    [3, 2026, "expiring"],
    [4, 2026, "expiring"],
    [5, 2026, "valid"],
    [1, 2030, "valid"],
    [null, 2030, "unknown"],
  ] as const)("%s/%s is %s in March 2026", (month, year, state) => expect(expiryState(month, year, now)).toBe(state));

  it("counts across the new year", () => expect(expiryState(1, 2027, new Date("2026-12-31T00:00:00Z"))).toBe("expiring"));
});
