import { randomUUID } from "node:crypto";
import { SquareError } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/domain/tables";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a SquareError"), (e) => e as SquareError);

/** A request the SDK cannot make (unknown keys, headers), straight over HTTP. */
const raw = (seller: TestSeller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(local.url + path, {
    method,
    headers: { authorization: `Bearer ${seller.accessToken}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("CreateCustomer and RetrieveCustomer", () => {
  it("creates a profile with Square's defaults and reads it back", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({
      givenName: "Amelia",
      familyName: "Earhart",
      emailAddress: "Amelia.Earhart@example.com",
      phoneNumber: "+1-212-555-4240",
      birthday: "07-24",
      address: { addressLine1: "500 Electric Ave", locality: "New York", country: "US", firstName: "ignored" },
      referenceId: "ref-1",
      note: "a customer",
    });
    expect(customer).toMatchObject({
      givenName: "Amelia",
      phoneNumber: "+1-212-555-4240",
      birthday: "0000-07-24",
      creationSource: "THIRD_PARTY",
      version: 0n,
      preferences: { emailUnsubscribed: false },
      address: { addressLine1: "500 Electric Ave", locality: "New York", country: "US" },
    });
    expect(customer!.id).toMatch(/^[A-Z0-9]{26}$/);
    expect(customer!.address).not.toHaveProperty("firstName");
    expect(customer!.createdAt).toBe(customer!.updatedAt);
    const { customer: again } = await seller.client.customers.get({ customerId: customer!.id! });
    expect(again).toEqual(customer);
  });

  it("keeps a full birthday and answers unknown ids with 404 NOT_FOUND", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({ companyName: "ACME", birthday: "1990-02-28" });
    expect(customer?.birthday).toBe("1990-02-28");
    const err = await failure(seller.client.customers.get({ customerId: "NOPE" }));
    expect(err.statusCode).toBe(404);
    expect(err.errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", code: "NOT_FOUND" });
  });

  it.each([
    [{ note: "no identity" }, "MISSING_REQUIRED_PARAMETER", undefined],
    [{ emailAddress: "not-an-email" }, "INVALID_EMAIL_ADDRESS", "email_address"],
    [{ phoneNumber: "+1 555-555-5555" }, "INVALID_PHONE_NUMBER", "phone_number"],
    [{ phoneNumber: "12345" }, "INVALID_PHONE_NUMBER", "phone_number"],
    [{ givenName: "x".repeat(301) }, "VALUE_TOO_LONG", "given_name"],
    [{ givenName: "A", nickname: "n".repeat(101) }, "VALUE_TOO_LONG", "nickname"],
    [{ givenName: "A", birthday: "1990-13-01" }, "INVALID_TIME", "birthday"],
    [{ givenName: "A", birthday: "31/12" }, "INVALID_TIME", "birthday"],
  ])("refuses %j with %s", async (request, code, field) => {
    const seller = await local.newSeller();
    const err = await failure(seller.client.customers.create(request));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", code, ...(field ? { field } : {}) });
  });

  it("refuses wrong types and unknown keys with the field named", async () => {
    const seller = await local.newSeller();
    const typed = await raw(seller, "POST", "/v2/customers", { given_name: 5 });
    expect(typed.status).toBe(400);
    expect((await typed.json()).errors[0]).toMatchObject({ code: "EXPECTED_STRING", field: "given_name" });
    const unknown = await raw(seller, "POST", "/v2/customers", { given_name: "A", shoe_size: 9 });
    expect((await unknown.json()).errors[0]).toMatchObject({ code: "UNKNOWN_BODY_PARAMETER", field: "shoe_size" });
  });

  it("replays the same idempotency key and refuses it with a different body", async () => {
    const seller = await local.newSeller();
    const idempotencyKey = randomUUID();
    const first = await seller.client.customers.create({ idempotencyKey, givenName: "Once" });
    const second = await seller.client.customers.create({ idempotencyKey, givenName: "Once" });
    expect(second.customer?.id).toBe(first.customer?.id);
    expect(tables(local.emulator.ctx.store).customers.count(seller.merchantId)).toBe(1);
    const err = await failure(seller.client.customers.create({ idempotencyKey, givenName: "Twice" }));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotency_key" });
  });
});

describe("UpdateCustomer and DeleteCustomer", () => {
  it("updates sparsely: omitted stays, null clears, version counts up", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({
      givenName: "Ada",
      familyName: "Lovelace",
      note: "first",
      address: { addressLine1: "1 Main St", addressLine2: "Flat 2", locality: "London" },
    });
    local.emulator.ctx.clock.advance(1000);
    const { customer: updated } = await seller.client.customers.update({
      customerId: customer!.id!,
      note: null,
      emailAddress: "ada@example.com",
      address: { addressLine2: null, postalCode: "N1" },
      version: 0n,
    });
    expect(updated).toMatchObject({ givenName: "Ada", familyName: "Lovelace", emailAddress: "ada@example.com", version: 1n });
    expect(updated).not.toHaveProperty("note");
    expect(updated!.address).toEqual({ addressLine1: "1 Main St", locality: "London", postalCode: "N1" });
    expect(updated!.updatedAt! > updated!.createdAt!).toBe(true);
  });

  it("clears the address with null under X-Clear-Null and keeps the identity rule", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({ givenName: "Grace", address: { locality: "Arlington" } });
    const res = await raw(seller, "PUT", `/v2/customers/${customer!.id}`, { address: null }, { "X-Clear-Null": "true" });
    expect(res.status).toBe(200);
    expect((await res.json()).customer).not.toHaveProperty("address");
    const err = await failure(seller.client.customers.update({ customerId: customer!.id!, givenName: null }));
    expect(err.errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER" });
    const bad = await failure(seller.client.customers.update({ customerId: customer!.id!, phoneNumber: "555" }));
    expect(bad.errors[0]).toMatchObject({ code: "INVALID_PHONE_NUMBER", field: "phone_number" });
  });

  it("refuses a stale version with 409 CONFLICT on update and delete", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({ givenName: "Versioned" });
    const id = customer!.id!;
    await seller.client.customers.update({ customerId: id, note: "v1", version: 0n });
    const stale = await failure(seller.client.customers.update({ customerId: id, note: "again", version: 0n }));
    expect(stale.statusCode).toBe(409);
    expect(stale.errors[0]).toMatchObject({ code: "CONFLICT", field: "version" });
    const staleDelete = await failure(seller.client.customers.delete({ customerId: id, version: 0n }));
    expect(staleDelete.statusCode).toBe(409);

    const res = await raw(seller, "DELETE", `/v2/customers/${id}?version=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    expect((await failure(seller.client.customers.get({ customerId: id }))).statusCode).toBe(404);
    expect((await failure(seller.client.customers.delete({ customerId: id }))).statusCode).toBe(404);
  });

  it("follows merge aliases, chains included, when retrieving", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({ givenName: "Survivor" });
    const aliases = tables(local.emulator.ctx.store).customerAliases;
    aliases.put(seller.merchantId, "OLDEST", "MIDDLE");
    aliases.put(seller.merchantId, "MIDDLE", customer!.id!);
    const { customer: viaOld } = await seller.client.customers.get({ customerId: "OLDEST" });
    expect(viaOld?.id).toBe(customer!.id);
    const { responses } = await seller.client.customers.bulkRetrieveCustomers({ customerIds: ["OLDEST", "GONE"] });
    expect(responses!.OLDEST.customer?.id).toBe(customer!.id);
    expect(responses!.GONE.errors?.[0].code).toBe("NOT_FOUND");
    // Updates and deletes need the surviving id, as on Square.
    expect((await failure(seller.client.customers.update({ customerId: "OLDEST", note: "x" }))).statusCode).toBe(404);
  });
});

describe("Customer sellers and scopes", () => {
  it("keeps sellers apart", async () => {
    const a = await local.newSeller();
    const b = await local.newSeller();
    const { customer } = await a.client.customers.create({ givenName: "Private" });
    const id = customer!.id!;
    expect((await failure(b.client.customers.get({ customerId: id }))).statusCode).toBe(404);
    expect((await failure(b.client.customers.update({ customerId: id, note: "x" }))).statusCode).toBe(404);
    expect((await failure(b.client.customers.delete({ customerId: id }))).statusCode).toBe(404);
    const { responses } = await b.client.customers.bulkRetrieveCustomers({ customerIds: [id] });
    expect(responses![id].errors?.[0].code).toBe("NOT_FOUND");
    expect((await b.client.customers.list()).data).toEqual([]);
    await expect(a.client.customers.get({ customerId: id })).resolves.toBeTruthy();
  });

  it("needs CUSTOMERS_WRITE to write and CUSTOMERS_READ to read", async () => {
    const reader = await local.newSeller({ scopes: ["CUSTOMERS_READ"] });
    const denied = await failure(reader.client.customers.create({ givenName: "No" }));
    expect(denied.statusCode).toBe(403);
    expect(denied.errors[0]).toMatchObject({ category: "AUTHENTICATION_ERROR", code: "INSUFFICIENT_SCOPES" });
    expect(denied.errors[0].detail).toContain("[CUSTOMERS_WRITE]");
    const writer = await local.newSeller({ scopes: ["CUSTOMERS_WRITE"] });
    const { customer } = await writer.client.customers.create({ givenName: "Yes" });
    const noRead = await failure(writer.client.customers.get({ customerId: customer!.id! }));
    expect(noRead.errors[0].detail).toContain("[CUSTOMERS_READ]");
    expect((await failure(writer.client.customers.search({}))).statusCode).toBe(403);
  });

  it("answers unknown routes with 404 in Square's error shape", async () => {
    const seller = await local.newSeller();
    const res = await raw(seller, "GET", "/v2/customers/ABC/nowhere");
    expect(res.status).toBe(404);
    expect((await res.json()).errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", code: "NOT_FOUND" });
  });
});
