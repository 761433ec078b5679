import { SquareError, type Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/domain/tables";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a SquareError"), (e) => e as SquareError);
const rawPost = async (seller: TestSeller, path: string, body: unknown) =>
  (await fetch(local.url + path, { method: "POST", headers: { authorization: `Bearer ${seller.accessToken}` }, body: JSON.stringify(body) })).json();
const names = (customers: Square.Customer[] | undefined) => (customers ?? []).map((c) => c.givenName);

/** A seller with five profiles created a second apart (so created_at ranges and sorting are testable). */
async function sellerWithCustomers() {
  const seller = await local.newSeller();
  const people: Square.CreateCustomerRequest[] = [
    { givenName: "Carol", familyName: "Diaz", emailAddress: "carol.diaz@gmail.com", phoneNumber: "+1 (206) 222-3333", referenceId: "CRM-001" },
    { givenName: "alice", familyName: "Zhang", emailAddress: "Alice.Zhang@Example.com", phoneNumber: "+1-415-867-5309", referenceId: "crm-002" },
    { givenName: "Bob", familyName: "Stone", emailAddress: "bob_stone@gmail.com", phoneNumber: "+1 212 415 0199", referenceId: "POS-77" },
    { companyName: "Dunder Mifflin", emailAddress: "sales@dunder.example" },
    { givenName: "Eve", familyName: "Adams", phoneNumber: "+44 7911 123456" },
  ];
  const created: Square.Customer[] = [];
  for (const person of people) {
    created.push((await seller.client.customers.create(person)).customer!);
    local.emulator.ctx.clock.advance(1000);
  }
  return { seller, created };
}

describe("ListCustomers", () => {
  it("lists by name by default, or by creation time, in either order", async () => {
    const { seller } = await sellerWithCustomers();
    const byName = await seller.client.customers.list();
    expect(byName.data.map((c) => c.givenName ?? c.companyName)).toEqual(["alice", "Bob", "Carol", "Dunder Mifflin", "Eve"]);
    const newest = await seller.client.customers.list({ sortField: "CREATED_AT", sortOrder: "DESC" });
    expect(names(newest.data)).toEqual(["Eve", undefined, "Bob", "alice", "Carol"]);
  });

  it("pages with a cursor, counts, and answers {} when empty", async () => {
    const { seller } = await sellerWithCustomers();
    const first = await seller.client.customers.list({ limit: 2, count: true });
    expect(first.data).toHaveLength(2);
    expect(first.response.count).toBe(5n);
    expect(first.hasNextPage()).toBe(true);
    const all: Square.Customer[] = [];
    for await (const customer of await seller.client.customers.list({ limit: 2 })) all.push(customer);
    expect(all).toHaveLength(5);
    expect(new Set(all.map((c) => c.id)).size).toBe(5);

    const empty = await local.newSeller();
    const res = await fetch(`${local.url}/v2/customers`, { headers: { authorization: `Bearer ${empty.accessToken}` } });
    expect(await res.json()).toEqual({});
  });

  it("hides profiles without an identity field", async () => {
    const { seller } = await sellerWithCustomers();
    tables(local.emulator.ctx.store).customers.put(seller.merchantId, "INSTANT", { id: "INSTANT", note: "instant profile", creationSource: "INSTANT_PROFILE", version: 0n });
    const listed = await seller.client.customers.list({ count: true });
    expect(listed.response.count).toBe(5n);
    expect(listed.data.map((c) => c.id)).not.toContain("INSTANT");
  });

  it.each([
    [{ limit: 0 }, "VALUE_TOO_LOW", "limit"],
    [{ limit: 101 }, "VALUE_TOO_HIGH", "limit"],
    [{ cursor: "bogus" }, "INVALID_CURSOR", "cursor"],
  ])("refuses %j with %s", async (request, code, field) => {
    const seller = await local.newSeller();
    const err = await failure(seller.client.customers.list(request));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ code, field });
  });
});

describe("SearchCustomers", () => {
  it("matches email exactly (any case) or fuzzily by tokens", async () => {
    const { seller } = await sellerWithCustomers();
    const exact = await seller.client.customers.search({ query: { filter: { emailAddress: { exact: "alice.zhang@example.COM" } } } });
    expect(names(exact.customers)).toEqual(["alice"]);
    const fuzzy = await seller.client.customers.search({ query: { filter: { emailAddress: { fuzzy: "gmail car" } } } });
    expect(names(fuzzy.customers)).toEqual(["Carol"]);
    const domain = await seller.client.customers.search({ query: { filter: { emailAddress: { fuzzy: "gmail" } } } });
    expect(names(domain.customers)).toEqual(["Bob", "Carol"]);
    const short = await seller.client.customers.search({ query: { filter: { emailAddress: { fuzzy: "bo" } } } });
    expect(names(short.customers)).toEqual(["Bob"]);
    const across = await seller.client.customers.search({ query: { filter: { emailAddress: { fuzzy: "zhangexample" } } } });
    expect(across.customers).toBeUndefined(); // tokens match within one part of the address, not across parts
  });

  it("matches phone numbers in E.164 exactly or by digit groups", async () => {
    const { seller } = await sellerWithCustomers();
    for (const query of ["+12062223333", "+1 (206) 222-3333", "206-222-3333"]) {
      const exact = await seller.client.customers.search({ query: { filter: { phoneNumber: { exact: query } } } });
      expect(names(exact.customers)).toEqual(["Carol"]);
    }
    const uk = await seller.client.customers.search({ query: { filter: { phoneNumber: { exact: "+447911123456" } } } });
    expect(names(uk.customers)).toEqual(["Eve"]);
    const fuzzy = await seller.client.customers.search({ query: { filter: { phoneNumber: { fuzzy: "415" } } } });
    expect(names(fuzzy.customers)).toEqual(["alice", "Bob"]);
  });

  it("matches reference_id exactly (any case) or fuzzily", async () => {
    const { seller } = await sellerWithCustomers();
    const exact = await seller.client.customers.search({ query: { filter: { referenceId: { exact: "CRM-002" } } } });
    expect(names(exact.customers)).toEqual(["alice"]);
    const fuzzy = await seller.client.customers.search({ query: { filter: { referenceId: { fuzzy: "crm" } } } });
    expect(names(fuzzy.customers)).toEqual(["alice", "Carol"]);
  });

  it("filters by time ranges and creation source, and sorts", async () => {
    const { seller, created } = await sellerWithCustomers();
    const range = await seller.client.customers.search({
      query: { filter: { createdAt: { startAt: created[1].createdAt, endAt: created[2].createdAt } }, sort: { field: "CREATED_AT", order: "DESC" } },
    });
    expect(names(range.customers)).toEqual(["Bob", "alice"]);
    await seller.client.customers.update({ customerId: created[0].id!, note: "touched" });
    const touched = await seller.client.customers.search({ query: { filter: { updatedAt: { startAt: created[4].createdAt } } } });
    expect(names(touched.customers)).toEqual(["Carol", "Eve"]);
    tables(local.emulator.ctx.store).customers.put(seller.merchantId, "IMPORTED", { id: "IMPORTED", givenName: "Imported", creationSource: "IMPORT", version: 0n });
    const imported = await seller.client.customers.search({ query: { filter: { creationSource: { values: ["IMPORT"] } } } });
    expect(names(imported.customers)).toEqual(["Imported"]);
    const others = await seller.client.customers.search({ count: true, query: { filter: { creationSource: { values: ["IMPORT"], rule: "EXCLUDE" } } } });
    expect(others.count).toBe(5n);
  });

  it("pages with limit and cursor, counts, and answers {} when nothing matches", async () => {
    const { seller } = await sellerWithCustomers();
    const query: Square.CustomerQuery = { sort: { field: "DEFAULT", order: "DESC" } };
    const first = await seller.client.customers.search({ limit: 3n, count: true, query });
    expect(names(first.customers)).toEqual(["Eve", undefined, "Carol"]);
    expect(first.count).toBe(5n);
    const second = await seller.client.customers.search({ limit: 3n, query, cursor: first.cursor });
    expect(names(second.customers)).toEqual(["Bob", "alice"]);
    expect(second.cursor).toBeUndefined();
    const none = await rawPost(seller, "/v2/customers/search", { query: { filter: { email_address: { exact: "nobody@example.com" } } } });
    expect(none).toEqual({});
  });

  it.each([
    [{ limit: 0 }, "VALUE_TOO_LOW", "limit"],
    [{ limit: 101 }, "VALUE_TOO_HIGH", "limit"],
    [{ query: { filter: { email_address: { exact: "a@b.co", fuzzy: "a" } } } }, "CONFLICTING_PARAMETERS", "query.filter.email_address"],
    [{ query: { filter: { created_at: { start_at: "yesterday" } } } }, "INVALID_TIME", "query.filter.created_at.start_at"],
    [{ query: { filter: { created_at: { start_at: "2030-01-02T00:00:00Z", end_at: "2030-01-01T00:00:00Z" } } } }, "INVALID_TIME_RANGE", "query.filter.created_at"],
    [{ query: { sort: { field: "NAME" } } }, "INVALID_ENUM_VALUE", "query.sort.field"],
    [{ query: { filter: { segment_ids: { any: ["SEG"] } } } }, "BAD_REQUEST", "query.filter.segment_ids"],
  ])("refuses %j with %s", async (body, code, field) => {
    const seller = await local.newSeller();
    const res = await rawPost(seller, "/v2/customers/search", body);
    expect(res.errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", code, field });
  });

  it("searches only the caller's profiles", async () => {
    const { seller } = await sellerWithCustomers();
    const other = await local.newSeller();
    const theirs = await other.client.customers.search({ query: { filter: { emailAddress: { fuzzy: "gmail" } } } });
    expect(theirs.customers).toBeUndefined();
    const mine = await seller.client.customers.search({ query: { filter: { emailAddress: { fuzzy: "gmail" } } } });
    expect(mine.customers).toHaveLength(2);
  });
});
