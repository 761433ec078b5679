import { describe, expect, it } from "vitest";
import { customerDisplayName, formatMoney, formatPhone } from "./format";

const blank = { givenName: null, familyName: null, companyName: null, emailAddress: null, phoneNumber: null };

describe("formatting", () => {
  it("names a customer by name, then company, email, phone", () => {
    expect(customerDisplayName({ ...blank, givenName: "Ada", familyName: "Lovelace", companyName: "Engines" })).toBe("Ada Lovelace");
    expect(customerDisplayName({ ...blank, companyName: "Engines" })).toBe("Engines");
    expect(customerDisplayName({ ...blank, emailAddress: "ada@example.com", phoneNumber: "+15551234567" })).toBe("ada@example.com");
    expect(customerDisplayName({ ...blank, phoneNumber: "+15551234567" })).toBe("+15551234567");
    expect(customerDisplayName(blank)).toBe("Unnamed customer");
  });

  it("formats integer minor units in the currency's own precision", () => {
    expect(formatMoney({ amount: 1234, currency: "USD" })).toBe("$12.34");
    expect(formatMoney({ amount: 1234, currency: "JPY" })).toBe("¥1,234");
    expect(formatMoney(null)).toBe("—");
  });

  it("groups phone numbers and leaves ones it cannot read as they are", () => {
    expect(formatPhone("+14155550134")).toBe("+1 415 555 0134");
    expect(formatPhone("call me")).toBe("call me");
    expect(formatPhone(null)).toBe("—");
  });
});
