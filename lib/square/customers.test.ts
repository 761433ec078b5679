import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { isAppError } from "@/lib/errors";
import { testSquareConfig } from "@/test/square";
import { createSquareClient } from "./client";
import { listCustomers } from "./customers";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describe("listing customers through lib/square", () => {
  it("returns the seller's customers newest first, as plain JSON-safe values", async () => {
    const seller = await local.newSeller();
    for (const givenName of ["Ada", "Grace"])
      await seller.client.customers.create({ idempotencyKey: randomUUID(), givenName, familyName: "Tester", emailAddress: `${givenName.toLowerCase()}@example.com` });
    const page = await listCustomers(createSquareClient(testSquareConfig(local), seller.accessToken));
    expect(page.customers.map((c) => c.givenName)).toEqual(["Grace", "Ada"]);
    expect(page.customers[0]).toMatchObject({ familyName: "Tester", emailAddress: "grace@example.com", version: 0 });
    expect(typeof page.customers[0].version).toBe("number");
    expect(() => JSON.stringify(page)).not.toThrow();
    expect(page.cursor).toBeNull();
  });

  it("pages with Square's cursor", async () => {
    const seller = await local.newSeller();
    for (let i = 0; i < 3; i++) await seller.client.customers.create({ idempotencyKey: randomUUID(), givenName: `Page ${i}` });
    const client = createSquareClient(testSquareConfig(local), seller.accessToken);
    const first = await listCustomers(client, { limit: 2 });
    expect(first.customers).toHaveLength(2);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await listCustomers(client, { limit: 2, cursor: first.cursor! });
    expect(second.customers.map((c) => c.givenName)).toEqual(["Page 0"]);
  });

  it("shows an empty list for a seller with no customers", async () => {
    const seller = await local.newSeller();
    expect(await listCustomers(createSquareClient(testSquareConfig(local), seller.accessToken))).toEqual({ customers: [], cursor: null });
  });

  it("turns Square's 403 into MISSING_SCOPE naming the scope", async () => {
    const seller = await local.newSeller({ scopes: ["MERCHANT_PROFILE_READ"] });
    const failure = await listCustomers(createSquareClient(testSquareConfig(local), seller.accessToken)).catch((e: unknown) => e);
    expect(isAppError(failure, "MISSING_SCOPE")).toBe(true);
    expect(isAppError(failure) && failure.scopes).toEqual(["CUSTOMERS_READ"]);
  });

  it("turns a bad token into SQUARE_AUTH", async () => {
    const failure = await listCustomers(createSquareClient(testSquareConfig(local), "EAAA-not-a-token")).catch((e: unknown) => e);
    expect(isAppError(failure, "SQUARE_AUTH")).toBe(true);
  });
});
