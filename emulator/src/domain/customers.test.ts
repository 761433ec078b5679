import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../app";
import { testConfig } from "../config";
import { SquareApiError } from "../http/errors";
import { toE164 } from "./customer-phone";
import { normaliseBirthday } from "./customer-validation";
import { createCustomer, resolveCustomerId, retrieveCustomer, updateCustomer } from "./customers";
import { createSeller } from "./sellers";
import { tables } from "./tables";

const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((e) => e.close()));

/** The domain functions other code (demo data, merges) uses to make profiles without HTTP. */
function setup(country = "US") {
  const emulator = createEmulator(testConfig());
  open.push(emulator);
  const seller = createSeller(emulator.ctx, { country });
  return { ctx: emulator.ctx, merchantId: seller.merchantId };
}

describe("customer domain functions", () => {
  it("create profiles with the API's rules, and take a creation source and back-dated time", () => {
    const { ctx, merchantId } = setup();
    const merged = createCustomer(ctx, merchantId, { givenName: "Merged" }, { creationSource: "MERGE", createdAt: "2025-01-02T03:04:05.000Z" });
    expect(merged).toMatchObject({ creationSource: "MERGE", createdAt: "2025-01-02T03:04:05.000Z", updatedAt: "2025-01-02T03:04:05.000Z", version: 0n });
    expect(tables(ctx.store).customers.get(merchantId, merged.id!)).toEqual(merged);
    const refused = (() => {
      try {
        createCustomer(ctx, merchantId, { emailAddress: "nope", phoneNumber: "123" });
      } catch (err) {
        return err as SquareApiError;
      }
    })();
    expect(refused?.errors.map((e) => e.code)).toEqual(["INVALID_EMAIL_ADDRESS", "INVALID_PHONE_NUMBER"]);
  });

  it("read national numbers in the seller's country", () => {
    const { ctx, merchantId } = setup("GB");
    const customer = createCustomer(ctx, merchantId, { phoneNumber: "07911 123456" });
    expect(customer.phoneNumber).toBe("07911 123456");
    expect(toE164("07911 123456", "GB")).toBe("+447911123456");
    expect(() => createCustomer(ctx, merchantId, { phoneNumber: "07700 900123" })).toThrow(SquareApiError); // Ofcom's drama range
  });

  it("follow alias chains and stop at cycles", () => {
    const { ctx, merchantId } = setup();
    const survivor = createCustomer(ctx, merchantId, { givenName: "Survivor" });
    const aliases = tables(ctx.store).customerAliases;
    aliases.put(merchantId, "A", "B");
    aliases.put(merchantId, "B", survivor.id!);
    aliases.put(merchantId, "X", "Y");
    aliases.put(merchantId, "Y", "X");
    expect(resolveCustomerId(ctx, merchantId, "A")).toBe(survivor.id);
    expect(retrieveCustomer(ctx, merchantId, "A")?.givenName).toBe("Survivor");
    expect(resolveCustomerId(ctx, merchantId, "X")).toBeUndefined();
    expect(() => updateCustomer(ctx, merchantId, "A", { note: "x" })).toThrow(/not found/);
  });

  it("normalise birthdays", () => {
    expect(normaliseBirthday("02-29")).toBe("0000-02-29");
    expect(normaliseBirthday("2023-02-29")).toBeUndefined();
    expect(normaliseBirthday("2024-02-29")).toBe("2024-02-29");
    expect(normaliseBirthday("12-32")).toBeUndefined();
  });
});
