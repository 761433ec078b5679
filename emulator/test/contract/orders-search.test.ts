import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestSeller } from "../harness";
import { failure, key, startMoneyEmulator, usd, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator();
});
afterAll(() => local.stop());

const create = async (seller: TestSeller, extra: Partial<Square.Order> = {}) => {
  const order = (await seller.client.orders.create({ idempotencyKey: key(), order: { locationId: seller.locationId, lineItems: [{ name: "Item", quantity: "1", basePriceMoney: usd(500) }], ...extra } })).order!;
  local.emulator.ctx.clock.advance(1_000); // distinct timestamps, so sort order is observable
  return order;
};
const search = (seller: TestSeller, request: Partial<Square.orders.SearchOrdersRequest> = {}) => seller.client.orders.search({ locationIds: [seller.locationId], ...request });
const ids = (orders: Square.Order[] | undefined) => (orders ?? []).map((o) => o.id);

describe("SearchOrders", () => {
  it("filters by state, source and customer (order or tender), sorted newest first by default", async () => {
    const seller = await local.newSeller();
    const customer = (await seller.client.customers.create({ idempotencyKey: key(), givenName: "Searcher" })).customer!.id!;
    const draft = await create(seller, { state: "DRAFT" });
    const mine = await create(seller, { customerId: customer, source: { name: "Kiosk" } });
    const anonymous = await create(seller);
    await seller.client.payments.create({ sourceId: "cnon:card-nonce-ok", idempotencyKey: key(), amountMoney: usd(500), orderId: anonymous.id, customerId: customer });
    const other = await create(seller);

    expect(ids((await search(seller)).orders)).toEqual([other.id, anonymous.id, mine.id, draft.id]);
    expect(ids((await search(seller, { query: { sort: { sortField: "CREATED_AT", sortOrder: "ASC" } } })).orders)).toEqual([draft.id, mine.id, anonymous.id, other.id]);
    expect(ids((await search(seller, { query: { filter: { stateFilter: { states: ["DRAFT"] } } } })).orders)).toEqual([draft.id]);
    expect(ids((await search(seller, { query: { filter: { stateFilter: { states: ["COMPLETED"] } } } })).orders)).toEqual([anonymous.id]);
    expect(ids((await search(seller, { query: { filter: { sourceFilter: { sourceNames: ["Kiosk"] } } } })).orders)).toEqual([mine.id]);
    const byCustomer = await search(seller, { query: { filter: { customerFilter: { customerIds: [customer] } } } });
    expect(ids(byCustomer.orders)).toEqual([anonymous.id, mine.id]);
    const entries = await search(seller, { returnEntries: true, query: { filter: { customerFilter: { customerIds: [customer] } } } });
    expect(entries.orders).toBeUndefined();
    expect(entries.orderEntries).toEqual([
      { orderId: anonymous.id, version: 2, locationId: seller.locationId },
      { orderId: mine.id, version: 1, locationId: seller.locationId },
    ]);
    const none = await fetch(`${local.url}/v2/orders/search`, {
      method: "POST",
      headers: { authorization: `Bearer ${seller.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ location_ids: [seller.locationId], query: { filter: { customer_filter: { customer_ids: ["NOBODY"] } } } }),
    });
    expect(await none.json()).toEqual({});
  });

  it("filters on one timestamp at a time, sorted by that same timestamp", async () => {
    const seller = await local.newSeller();
    const early = await create(seller);
    const late = await create(seller);
    await seller.client.orders.update({ orderId: early.id!, order: { locationId: seller.locationId, version: 1, referenceId: "touched" } });
    const since = { startAt: late.createdAt };
    expect(ids((await search(seller, { query: { filter: { dateTimeFilter: { createdAt: since } } } })).orders)).toEqual([late.id]);
    const updated = await search(seller, { query: { filter: { dateTimeFilter: { updatedAt: since } }, sort: { sortField: "UPDATED_AT" } } });
    expect(ids(updated.orders)).toEqual([early.id, late.id]);
    const mismatch = await failure(search(seller, { query: { filter: { dateTimeFilter: { updatedAt: since } } } }));
    expect(mismatch.errors[0]).toMatchObject({ code: "BAD_REQUEST", field: "query.sort.sort_field" });
    const closedSort = await failure(search(seller, { query: { sort: { sortField: "CLOSED_AT" } } }));
    expect(closedSort.errors[0].code).toBe("BAD_REQUEST");
    const closed = await search(seller, { query: { filter: { stateFilter: { states: ["COMPLETED", "CANCELED"] } }, sort: { sortField: "CLOSED_AT" } } });
    expect(closed.orders).toBeUndefined();
    const badTime = await failure(search(seller, { query: { filter: { dateTimeFilter: { createdAt: { startAt: "soon" } } } } }));
    expect(badTime.errors[0]).toMatchObject({ code: "INVALID_TIME", field: "query.filter.date_time_filter.created_at.start_at" });
  });

  it("pages with a cursor, checks limits and the seller's locations", async () => {
    const seller = await local.newSeller();
    const made = [await create(seller), await create(seller), await create(seller)];
    const first = await search(seller, { limit: 2 });
    expect(first.orders).toHaveLength(2);
    const second = await search(seller, { limit: 2, cursor: first.cursor });
    expect([...ids(first.orders), ...ids(second.orders)]).toEqual(ids([...made].reverse()));
    expect(second.cursor).toBeUndefined();
    expect((await failure(search(seller, { limit: 2, cursor: first.cursor, query: { filter: { stateFilter: { states: ["OPEN"] } } } }))).errors[0].code).toBe("INVALID_CURSOR");
    expect((await failure(search(seller, { limit: 1001 }))).errors[0]).toMatchObject({ code: "VALUE_TOO_HIGH", field: "limit" });
    expect((await failure(seller.client.orders.search({}))).errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER", field: "location_ids" });
    const eleven = Array.from({ length: 11 }, () => seller.locationId);
    expect((await failure(seller.client.orders.search({ locationIds: eleven }))).errors[0].code).toBe("ARRAY_LENGTH_TOO_LONG");
    const other = await local.newSeller();
    expect((await failure(seller.client.orders.search({ locationIds: [other.locationId] }))).errors[0].field).toBe("location_ids[0]");
    const tooManyCustomers = await failure(search(seller, { query: { filter: { customerFilter: { customerIds: Array.from({ length: 11 }, (_, i) => `C${i}`) } } } }));
    expect(tooManyCustomers.errors[0].code).toBe("ARRAY_LENGTH_TOO_LONG");
  });
});
