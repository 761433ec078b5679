import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/domain/tables";
import type { TestSeller } from "../harness";
import { failure, key, startMoneyEmulator, usd, type Delivery, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator();
});
afterAll(() => local.stop());

async function merge(seller: TestSeller, customerIds: unknown, token = seller.accessToken) {
  const res = await local.admin("/_emulator/customers/merge", { customer_ids: customerIds }, token);
  return { status: res.status, body: (await res.json()) as { customer?: Record<string, any>; errors?: Record<string, string>[] } };
}

async function profile(seller: TestSeller, fields: Square.CreateCustomerRequest) {
  const { customer } = await seller.client.customers.create(fields);
  return customer!;
}

describe("POST /_emulator/customers/merge", () => {
  it("makes a new MERGE profile from the newest non-empty value of each field and deletes the old ones", async () => {
    const seller = await local.newSeller();
    const a = await profile(seller, { givenName: "Jon", familyName: "Smith", emailAddress: "jon@example.com", note: "old note" });
    const b = await profile(seller, { givenName: "Jonathan", phoneNumber: "+14155550100", address: { addressLine1: "1 Main St", locality: "Oakland" } });
    await seller.client.customers.update({ customerId: a.id!, note: "regular, oat milk" }); // a is now the newest

    const { status, body } = await merge(seller, [a.id, b.id]);
    expect(status).toBe(200);
    const merged = body.customer!;
    expect(merged.id).not.toBe(a.id);
    expect(merged.id).not.toBe(b.id);
    expect(merged).toMatchObject({
      creation_source: "MERGE",
      version: 0,
      given_name: "Jon",
      family_name: "Smith",
      email_address: "jon@example.com",
      phone_number: "+14155550100",
      note: "regular, oat milk",
      address: { address_line_1: "1 Main St", locality: "Oakland" },
    });

    for (const old of [a.id!, b.id!]) expect((await seller.client.customers.get({ customerId: old })).customer?.id).toBe(merged.id);
    const listed = (await seller.client.customers.list()).data.map((c) => c.id);
    expect(listed).toEqual([merged.id]);
    // The old profiles are gone: they cannot be updated or deleted under their own ids any more.
    expect((await failure(seller.client.customers.update({ customerId: a.id!, note: "x" }))).statusCode).toBe(404);
  });

  it("resolves chains of merges: A+B → C, then C+D → E leaves A, B, C and D all answering with E", async () => {
    const seller = await local.newSeller();
    const [a, b, d] = await Promise.all(["A", "B", "D"].map((n) => profile(seller, { givenName: n })));
    const c = (await merge(seller, [a.id, b.id])).body.customer!;
    const e = (await merge(seller, [c.id, d.id])).body.customer!;
    for (const old of [a.id!, b.id!, c.id, d.id!]) expect((await seller.client.customers.get({ customerId: old })).customer?.id).toBe(e.id);
    const aliases = tables(local.emulator.ctx.store).customerAliases;
    // Earlier aliases were re-pointed, so every old id reaches the survivor in one hop.
    expect([a.id!, b.id!, c.id, d.id!].map((id) => aliases.get(seller.merchantId, id))).toEqual([e.id, e.id, e.id, e.id]);
  });

  it("leaves cards, orders, payments and tenders on the old ids, and lists cards under any id of the group", async () => {
    const seller = await local.newSeller();
    const a = await profile(seller, { givenName: "Card", familyName: "Holder" });
    const b = await profile(seller, { emailAddress: "holder@example.com" });
    const { card } = await seller.client.cards.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", card: { customerId: a.id! } });
    const { order } = await seller.client.orders.create({
      idempotencyKey: key(),
      order: { locationId: seller.locationId, customerId: b.id!, lineItems: [{ name: "Latte", quantity: "1", basePriceMoney: usd(500) }] },
    });
    const { payment } = await seller.client.payments.create({ idempotencyKey: key(), sourceId: card!.id!, customerId: a.id!, amountMoney: usd(500), orderId: order!.id! });

    const merged = (await merge(seller, [a.id, b.id])).body.customer!;
    const after = (await seller.client.cards.get({ cardId: card!.id! })).card!;
    expect(after).toMatchObject({ id: card!.id, customerId: a.id, version: card!.version });
    for (const id of [merged.id, a.id!, b.id!]) expect((await seller.client.cards.list({ customerId: id })).data.map((c) => c.id)).toEqual([card!.id]);

    expect((await seller.client.payments.get({ paymentId: payment!.id! })).payment?.customerId).toBe(a.id);
    const paid = (await seller.client.orders.get({ orderId: order!.id! })).order!;
    expect(paid.customerId).toBe(b.id);
    expect(paid.tenders?.map((t) => t.customerId)).toEqual([a.id]);
    // A card on file is still charged with the new id (or any old one) as the customer.
    const again = await seller.client.payments.create({ idempotencyKey: key(), sourceId: card!.id!, customerId: merged.id, amountMoney: usd(100) });
    expect(again.payment?.status).toBe("COMPLETED");
  });

  it("raises customer.created and a customer.deleted per old profile, all with event_context.merge", async () => {
    const seller = await local.newSeller();
    const a = await profile(seller, { givenName: "Event", emailAddress: "event@example.com" });
    const b = await profile(seller, { givenName: "Event", phoneNumber: "+14155550111" });
    const merged = (await merge(seller, [a.id, b.id])).body.customer!;
    const context = { merge: { from_customer_ids: [a.id, b.id], to_customer_id: merged.id } };
    const mine = (d: Delivery) => d.merchant_id === seller.merchantId;

    const created = await local.waitForEvent((d) => mine(d) && d.type === "customer.created" && d.data.id === merged.id, "customer.created");
    expect(created.data.object).toEqual({ customer: expect.objectContaining({ id: merged.id, creation_source: "MERGE" }), event_context: context });
    for (const old of [a, b]) {
      const deleted = await local.waitForEvent((d) => mine(d) && d.type === "customer.deleted" && d.data.id === old.id, `customer.deleted ${old.id}`);
      expect(deleted.data).toMatchObject({ deleted: true, object: { customer: { id: old.id }, event_context: context } });
    }
  });

  it("refuses fewer than two ids, unknown, repeated and already-merged ids, naming the field", async () => {
    const seller = await local.newSeller();
    const other = await local.newSeller();
    const [a, b, c] = await Promise.all(["A", "B", "C"].map((n) => profile(seller, { givenName: n })));
    const stranger = await profile(other, { givenName: "Elsewhere" });
    const expectError = async (ids: unknown, status: number, code: string, field: string) => {
      const res = await merge(seller, ids);
      expect(res.status).toBe(status);
      expect(res.body.errors?.[0]).toMatchObject({ code, field });
    };
    await expectError([a.id], 400, "ARRAY_LENGTH_TOO_SHORT", "customer_ids");
    await expectError(undefined, 400, "MISSING_REQUIRED_PARAMETER", "customer_ids");
    await expectError([a.id, 7], 400, "EXPECTED_STRING", "customer_ids[1]");
    await expectError([a.id, "NOPE"], 404, "NOT_FOUND", "customer_ids[1]");
    await expectError([a.id, stranger.id], 404, "NOT_FOUND", "customer_ids[1]");
    await expectError([a.id, a.id], 400, "INVALID_VALUE", "customer_ids[1]");
    await merge(seller, [a.id, b.id]);
    await expectError([c.id, a.id], 400, "INVALID_VALUE", "customer_ids[1]");
    expect((await merge(seller, [c.id, b.id], "not-a-token")).status).toBe(401);
    // Nothing was half-done by the refusals: C is still its own profile.
    expect((await seller.client.customers.get({ customerId: c.id! })).customer?.id).toBe(c.id);
  });
});

describe("The merge page at /_emulator/merge", () => {
  it("preselects profiles from the query, labels every control, and merges by plain form post", async () => {
    const seller = await local.newSeller({ business_name: "Merge Page Café" });
    const a = await profile(seller, { givenName: "Ada", familyName: "Form", emailAddress: "ada@example.com" });
    const b = await profile(seller, { givenName: "Ada", emailAddress: "ada@example.com" });
    const page = await (await fetch(`${local.url}/_emulator/merge?merchant_id=${seller.merchantId}&customer_ids=${a.id},${b.id}`)).text();
    expect(page).toContain(`<option value="${seller.merchantId}" selected>Merge Page Café</option>`);
    for (const id of [a.id, b.id]) {
      expect(page).toMatch(new RegExp(`<input type="checkbox" id="customer-${id}" name="customer_ids" value="${id}" checked />`));
      expect(page).toContain(`<label for="customer-${id}"`);
    }
    expect(page).toContain("same email ada@example.com");

    const form = new URLSearchParams([["merchant_id", seller.merchantId], ["customer_ids", a.id!], ["customer_ids", b.id!]]);
    const res = await fetch(`${local.url}/_emulator/merge`, { method: "POST", body: form, redirect: "manual" });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!, local.url);
    const mergedId = location.searchParams.get("merged")!;
    expect((await seller.client.customers.get({ customerId: a.id! })).customer?.id).toBe(mergedId);
    expect(await (await fetch(location)).text()).toMatch(/role="status">Merged into <strong>Ada Form<\/strong>/);

    const refused = await fetch(`${local.url}/_emulator/merge`, { method: "POST", body: new URLSearchParams({ merchant_id: seller.merchantId, customer_ids: mergedId }) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('role="alert"');
  });
});
