import { SquareError } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a SquareError"), (e) => e as SquareError);
const rawPost = (seller: TestSeller, path: string, body: unknown) =>
  fetch(local.url + path, { method: "POST", headers: { authorization: `Bearer ${seller.accessToken}` }, body: JSON.stringify(body) });

describe("BulkCreateCustomers", () => {
  it("creates each entry on its own, keyed by its idempotency key", async () => {
    const seller = await local.newSeller();
    const { responses } = await seller.client.customers.batchCreate({
      customers: {
        "key-a": { givenName: "Ann", emailAddress: "ann@example.com" },
        "key-b": { emailAddress: "broken" },
        "key-c": { note: "nobody" },
      },
    });
    expect(responses!["key-a"].customer).toMatchObject({ givenName: "Ann", creationSource: "THIRD_PARTY", version: 0n });
    expect(responses!["key-b"].errors?.[0]).toMatchObject({ code: "INVALID_EMAIL_ADDRESS", field: "email_address" });
    expect(responses!["key-c"].errors?.[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER" });
    expect(responses!["key-a"]).not.toHaveProperty("errors");
    expect((await seller.client.customers.list()).data).toHaveLength(1);
  });

  it("replays a repeated entry and refuses a changed one under the same key", async () => {
    const seller = await local.newSeller();
    const first = await seller.client.customers.batchCreate({ customers: { k1: { givenName: "Once" } } });
    const again = await seller.client.customers.batchCreate({ customers: { k1: { givenName: "Once" }, k2: { givenName: "Two" } } });
    expect(again.responses!.k1.customer?.id).toBe(first.responses!.k1.customer?.id);
    const changed = await seller.client.customers.batchCreate({ customers: { k1: { givenName: "Changed" } } });
    expect(changed.responses!.k1.errors?.[0]).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect((await seller.client.customers.list()).data).toHaveLength(2);
  });

  it("reports a malformed entry in its own slot and refuses empty or oversized batches", async () => {
    const seller = await local.newSeller();
    const res = await rawPost(seller, "/v2/customers/bulk-create", { customers: { ok: { given_name: "Fine" }, bad: { given_name: 7 } } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.responses.ok.customer.given_name).toBe("Fine");
    expect(body.responses.bad.errors[0]).toMatchObject({ code: "EXPECTED_STRING", field: "given_name" });
    const empty = await failure(seller.client.customers.batchCreate({ customers: {} }));
    expect(empty.errors[0]).toMatchObject({ code: "ARRAY_LENGTH_TOO_SHORT", field: "customers" });
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, { givenName: `N${i}` }]));
    const tooMany = await failure(seller.client.customers.batchCreate({ customers: many }));
    expect(tooMany.errors[0]).toMatchObject({ code: "ARRAY_LENGTH_TOO_LONG", field: "customers" });
  });
});

describe("BulkUpdate, BulkRetrieve and BulkDelete", () => {
  it("updates, retrieves and deletes per id with per-item errors", async () => {
    const seller = await local.newSeller();
    const { responses: made } = await seller.client.customers.batchCreate({
      customers: { a: { givenName: "Ann" }, b: { givenName: "Ben", note: "keep" } },
    });
    const [a, b] = [made!.a.customer!.id!, made!.b.customer!.id!];

    const { responses: updated } = await seller.client.customers.bulkUpdateCustomers({
      customers: { [a]: { familyName: "Apple", version: 0n }, [b]: { note: "stale", version: 5n }, MISSING: { givenName: "x" } },
    });
    expect(updated![a].customer).toMatchObject({ givenName: "Ann", familyName: "Apple", version: 1n });
    expect(updated![b].errors?.[0]).toMatchObject({ code: "CONFLICT", field: "version" });
    expect(updated!.MISSING.errors?.[0].code).toBe("NOT_FOUND");

    const { responses: read } = await seller.client.customers.bulkRetrieveCustomers({ customerIds: [a, b, "MISSING"] });
    expect(read![a].customer?.familyName).toBe("Apple");
    expect(read![b].customer?.note).toBe("keep");
    expect(read!.MISSING.errors?.[0]).toMatchObject({ code: "NOT_FOUND" });

    const res = await rawPost(seller, "/v2/customers/bulk-delete", { customer_ids: [a, "MISSING"] });
    const deleted = await res.json();
    expect(deleted.responses[a]).toEqual({});
    expect(deleted.responses.MISSING.errors[0].code).toBe("NOT_FOUND");
    expect((await seller.client.customers.list()).data.map((c) => c.id)).toEqual([b]);
  });

  it("refuses empty id lists, needs the right scopes, and keeps sellers apart", async () => {
    const seller = await local.newSeller();
    const empty = await failure(seller.client.customers.bulkRetrieveCustomers({ customerIds: [] }));
    expect(empty.errors[0]).toMatchObject({ code: "ARRAY_LENGTH_TOO_SHORT", field: "customer_ids" });
    const missing = await (await rawPost(seller, "/v2/customers/bulk-delete", {})).json();
    expect(missing.errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER", field: "customer_ids" });

    const reader = await local.newSeller({ scopes: ["CUSTOMERS_READ"] });
    const denied = await failure(reader.client.customers.bulkDeleteCustomers({ customerIds: ["X"] }));
    expect(denied.statusCode).toBe(403);

    const { customer } = await seller.client.customers.create({ givenName: "Mine" });
    const other = await local.newSeller();
    const { responses } = await other.client.customers.bulkDeleteCustomers({ customerIds: [customer!.id!] });
    expect(responses![customer!.id!].errors?.[0].code).toBe("NOT_FOUND");
    await expect(seller.client.customers.get({ customerId: customer!.id! })).resolves.toBeTruthy();
  });
});
