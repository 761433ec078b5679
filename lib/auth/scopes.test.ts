import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { hasScope, missingScopes, requireScope } from "./scopes";

describe("scopes", () => {
  const seller = { scopes: ["MERCHANT_PROFILE_READ", "CUSTOMERS_READ"] };

  it("knows what the seller granted", () => {
    expect(hasScope(seller, "CUSTOMERS_READ")).toBe(true);
    expect(hasScope(seller, "CUSTOMERS_READ", "CUSTOMERS_WRITE")).toBe(false);
    expect(missingScopes(seller, ["CUSTOMERS_WRITE", "CUSTOMERS_READ", "PAYMENTS_WRITE"])).toEqual(["CUSTOMERS_WRITE", "PAYMENTS_WRITE"]);
  });

  it("stops a feature whose scope is missing with MISSING_SCOPE and a plain explanation", () => {
    expect(() => requireScope(seller, "CUSTOMERS_READ")).not.toThrow();
    let failure: unknown;
    try {
      requireScope(seller, "PAYMENTS_WRITE");
    } catch (err) {
      failure = err;
    }
    expect(isAppError(failure, "MISSING_SCOPE")).toBe(true);
    expect(failure).toMatchObject({ scopes: ["PAYMENTS_WRITE"], message: "Patron needs your permission to take payments and save cards on file." });
  });
});
