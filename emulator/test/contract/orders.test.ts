import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestSeller } from "../harness";
import { failure, key, startMoneyEmulator, usd, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator();
});
afterAll(() => local.stop());

const createOrder = (seller: TestSeller, order: Partial<Square.Order> = {}, idempotencyKey = key()) =>
  seller.client.orders.create({ idempotencyKey, order: { locationId: seller.locationId, lineItems: [{ name: "Latte", quantity: "1", basePriceMoney: usd(450) }], ...order } });
const amount = (m: Square.Money | undefined) => Number(m?.amount);

describe("CreateOrder", () => {
  it("prices ad hoc lines with order-level discount and tax, apportioned with banker's rounding", async () => {
    const seller = await local.newSeller();
    const { order } = await createOrder(seller, {
      referenceId: "table-4",
      lineItems: [
        { uid: "latte", name: "Latte", quantity: "2", basePriceMoney: usd(500) },
        { uid: "scone", name: "Scone", quantity: "1", basePriceMoney: usd(333) },
      ],
      discounts: [{ uid: "loyal", name: "Loyalty", percentage: "10", scope: "ORDER" }],
      taxes: [{ uid: "sales", name: "Sales tax", percentage: "8.5", scope: "ORDER" }],
    });
    expect(order).toMatchObject({ state: "OPEN", version: 1, locationId: seller.locationId, referenceId: "table-4", source: { name: "Patron (local)" } });
    expect(order!.id).toBeTruthy();
    const [latte, scone] = order!.lineItems!;
    expect([amount(latte.grossSalesMoney), amount(latte.totalDiscountMoney), amount(latte.totalTaxMoney), amount(latte.totalMoney)]).toEqual([1000, 100, 77, 977]);
    expect([amount(scone.grossSalesMoney), amount(scone.totalDiscountMoney), amount(scone.totalTaxMoney), amount(scone.totalMoney)]).toEqual([333, 33, 25, 325]);
    expect(latte.variationTotalPriceMoney).toEqual(usd(1000));
    expect(latte.appliedTaxes?.[0]).toMatchObject({ taxUid: "sales", appliedMoney: usd(77) });
    expect(latte.appliedDiscounts?.[0]).toMatchObject({ discountUid: "loyal", appliedMoney: usd(100) });
    expect(order).toMatchObject({
      totalMoney: usd(1302),
      totalTaxMoney: usd(102),
      totalDiscountMoney: usd(133),
      totalTipMoney: usd(0),
      totalServiceChargeMoney: usd(0),
      netAmountDueMoney: usd(1302),
      netAmounts: { totalMoney: usd(1302), taxMoney: usd(102), discountMoney: usd(133) },
      taxes: [{ uid: "sales", appliedMoney: usd(102), scope: "ORDER" }],
      discounts: [{ uid: "loyal", appliedMoney: usd(133), scope: "ORDER", type: "FIXED_PERCENTAGE" }],
    });
    const event = await local.waitForEvent((d) => d.type === "order.created" && d.data.id === order!.id, "order.created");
    expect(event.data.type).toBe("order_created");
    expect(event.data.object).toEqual({
      order_created: { order_id: order!.id, version: 1, location_id: seller.locationId, state: "OPEN", created_at: order!.createdAt },
    });
  });

  it("handles inclusive taxes, line-scoped fixed discounts and generated uids", async () => {
    const seller = await local.newSeller();
    const { order } = await createOrder(seller, {
      lineItems: [
        { name: "Cake", quantity: "1", basePriceMoney: usd(1100), appliedDiscounts: [{ discountUid: "cake-off" }] },
        { name: "Tea", quantity: "1.5", basePriceMoney: usd(333) },
      ],
      discounts: [{ uid: "cake-off", name: "$1 off", amountMoney: usd(100) }],
      taxes: [{ uid: "vat", name: "VAT", percentage: "10", type: "INCLUSIVE" }],
    });
    const [cake, tea] = order!.lineItems!;
    expect(cake.uid).toBeTruthy();
    expect([amount(cake.totalDiscountMoney), amount(cake.totalTaxMoney), amount(cake.totalMoney)]).toEqual([100, 91, 1000]);
    expect([amount(tea.grossSalesMoney), amount(tea.totalDiscountMoney), amount(tea.totalTaxMoney), amount(tea.totalMoney)]).toEqual([500, 0, 45, 500]);
    expect(order).toMatchObject({ totalMoney: usd(1500), totalTaxMoney: usd(136), totalDiscountMoney: usd(100) });
    expect(order!.discounts![0]).toMatchObject({ scope: "LINE_ITEM", type: "FIXED_AMOUNT" });
  });

  it("keeps DRAFT state, customer, source name and metadata as given", async () => {
    const seller = await local.newSeller();
    const { order } = await createOrder(seller, { state: "DRAFT", customerId: "CUST123", source: { name: "Kiosk" }, metadata: { table: "4", "seat-count": "2" }, ticketName: "Ada" });
    expect(order).toMatchObject({ state: "DRAFT", customerId: "CUST123", source: { name: "Kiosk" }, metadata: { table: "4", "seat-count": "2" }, ticketName: "Ada" });
  });

  it("refuses what Square refuses, naming the field", async () => {
    const seller = await local.newSeller();
    const other = await local.newSeller();
    const line = { name: "Latte", quantity: "1", basePriceMoney: usd(450) };
    const cases: [Partial<Square.Order>, string, string][] = [
      [{ locationId: other.locationId }, "NOT_FOUND", "order.location_id"],
      [{ lineItems: [{ ...line, quantity: "two" }] }, "INVALID_VALUE", "order.line_items[0].quantity"],
      [{ lineItems: [{ name: "Latte", quantity: "1" }] }, "MISSING_REQUIRED_PARAMETER", "order.line_items[0].base_price_money"],
      [{ lineItems: [{ quantity: "1", basePriceMoney: usd(1) }] }, "MISSING_REQUIRED_PARAMETER", "order.line_items[0].name"],
      [{ lineItems: [{ ...line, basePriceMoney: { amount: 1n, currency: "EUR" } }] }, "CURRENCY_MISMATCH", "order.line_items[0].base_price_money.currency"],
      [{ lineItems: [{ ...line, catalogObjectId: "CATALOG1" }] }, "NOT_FOUND", "order.line_items[0].catalog_object_id"],
      [{ lineItems: [{ ...line, appliedTaxes: [{ taxUid: "ghost" }] }] }, "BAD_REQUEST", "order.line_items[0].applied_taxes[0].tax_uid"],
      [{ taxes: [{ name: "Tax" }] }, "MISSING_REQUIRED_PARAMETER", "order.taxes[0].percentage"],
      [{ taxes: [{ name: "Tax", percentage: "ten" }] }, "INVALID_VALUE", "order.taxes[0].percentage"],
      [{ discounts: [{ name: "D", percentage: "5", amountMoney: usd(5) }] }, "CONFLICTING_PARAMETERS", "order.discounts[0].amount_money"],
      [{ discounts: [{ name: "D", percentage: "150" }] }, "INVALID_VALUE", "order.discounts[0].percentage"],
      [{ discounts: [{ name: "D" }] }, "MISSING_REQUIRED_PARAMETER", "order.discounts[0].type"],
      [{ referenceId: "r".repeat(41) }, "VALUE_TOO_LONG", "order.reference_id"],
      [{ metadata: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])) }, "TOO_MANY_MAP_ENTRIES", "order.metadata"],
      [{ metadata: { "bad key": "v" } }, "INVALID_VALUE", "order.metadata.bad key"],
      [{ state: "COMPLETED" }, "INVALID_VALUE", "order.state"],
      [{ serviceCharges: [{ name: "Service", percentage: "10" }] }, "BAD_REQUEST", "order.service_charges"],
    ];
    for (const [order, code, field] of cases) expect((await failure(createOrder(seller, order))).errors[0], field).toMatchObject({ code, field });
    const noLocation = await fetch(`${local.url}/v2/orders`, {
      method: "POST",
      headers: { authorization: `Bearer ${seller.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ order: { line_items: [] } }),
    });
    expect((await noLocation.json()).errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER", field: "order.location_id" });
    expect((await failure(seller.client.orders.create({ idempotencyKey: key() }))).errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER", field: "order" });
  });

  it("replays a repeated key with the same order, and refuses it with a different one", async () => {
    const seller = await local.newSeller();
    const idempotencyKey = key();
    const first = await createOrder(seller, {}, idempotencyKey);
    expect((await createOrder(seller, {}, idempotencyKey)).order).toEqual(first.order);
    const search = await seller.client.orders.search({ locationIds: [seller.locationId] });
    expect(search.orders).toHaveLength(1);
    const reused = await failure(createOrder(seller, { referenceId: "other" }, idempotencyKey));
    expect(reused.errors[0]).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotency_key" });
  });
});

describe("RetrieveOrder, BatchRetrieveOrders and CalculateOrder", () => {
  it("retrieves one, retrieves many (dropping unknown ids) and previews a calculation", async () => {
    const seller = await local.newSeller();
    const a = (await createOrder(seller)).order!;
    const b = (await createOrder(seller)).order!;
    expect((await seller.client.orders.get({ orderId: a.id! })).order).toEqual(a);
    expect((await failure(seller.client.orders.get({ orderId: "nope" }))).statusCode).toBe(404);
    const other = await local.newSeller();
    expect((await failure(other.client.orders.get({ orderId: a.id! }))).statusCode).toBe(404);
    const batch = await seller.client.orders.batchGet({ orderIds: [b.id!, "missing", a.id!] });
    expect(batch.orders?.map((o) => o.id)).toEqual([b.id, a.id]);
    expect((await seller.client.orders.batchGet({ orderIds: [a.id!], locationId: "ELSEWHERE" })).orders).toBeUndefined();
    const tooMany = await failure(seller.client.orders.batchGet({ orderIds: Array.from({ length: 101 }, (_, i) => `o${i}`) }));
    expect(tooMany.errors[0]).toMatchObject({ code: "ARRAY_LENGTH_TOO_LONG", field: "order_ids" });

    const { order } = await seller.client.orders.calculate({
      order: { locationId: seller.locationId, lineItems: [{ name: "Bagel", quantity: "3", basePriceMoney: usd(250) }], taxes: [{ name: "Tax", percentage: "7.25" }] },
    });
    expect(order).toMatchObject({ totalMoney: usd(804), totalTaxMoney: usd(54) });
    expect(order!.id).toBeUndefined();
  });
});

describe("UpdateOrder", () => {
  it("applies a sparse change against the current version, merging lines by uid and clearing fields", async () => {
    const seller = await local.newSeller();
    const created = (
      await createOrder(seller, {
        referenceId: "before",
        lineItems: [{ uid: "latte", name: "Latte", quantity: "1", basePriceMoney: usd(500), note: "oat" }],
        discounts: [{ uid: "d", name: "Promo", amountMoney: usd(100), scope: "ORDER" }],
      })
    ).order!;
    expect(created.totalMoney).toEqual(usd(400));
    const { order } = await seller.client.orders.update({
      orderId: created.id!,
      idempotencyKey: key(),
      order: { locationId: seller.locationId, version: 1, lineItems: [{ uid: "latte", quantity: "2" }, { name: "Muffin", quantity: "1", basePriceMoney: usd(300) }] },
      fieldsToClear: ["reference_id", "discounts[d]", "line_items[latte].note"],
    });
    expect(order).toMatchObject({ version: 2, totalMoney: usd(1300), totalDiscountMoney: usd(0) });
    expect(order!.referenceId).toBeUndefined();
    expect(order!.discounts).toBeUndefined();
    expect(order!.lineItems!.map((l) => [l.name, l.quantity, l.note])).toEqual([["Latte", "2", undefined], ["Muffin", "1", undefined]]);
    const event = await local.waitForEvent((d) => d.type === "order.updated" && d.data.id === created.id && d.data.object.order_updated.version === 2, "order.updated");
    expect(event.data).toMatchObject({ type: "order_updated", object: { order_updated: { order_id: created.id, state: "OPEN", updated_at: order!.updatedAt } } });

    const stale = await failure(seller.client.orders.update({ orderId: created.id!, order: { locationId: seller.locationId, version: 1, referenceId: "x" } }));
    expect(stale.statusCode).toBe(409);
    expect(stale.errors[0]).toMatchObject({ code: "VERSION_MISMATCH", field: "order.version" });
    const noVersion = await failure(seller.client.orders.update({ orderId: created.id!, order: { locationId: seller.locationId, referenceId: "x" } }));
    expect(noVersion.errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER", field: "order.version" });
    const canceled = await seller.client.orders.update({ orderId: created.id!, order: { locationId: seller.locationId, version: 2, state: "CANCELED" } });
    expect(canceled.order).toMatchObject({ state: "CANCELED", version: 3 });
    expect(canceled.order!.closedAt).toBeTruthy();
    const terminal = await failure(seller.client.orders.update({ orderId: created.id!, order: { locationId: seller.locationId, version: 3, referenceId: "x" } }));
    expect(terminal.errors[0].code).toBe("BAD_REQUEST");
  });

  it("opens a DRAFT, refuses going back to DRAFT and completing an unpaid order", async () => {
    const seller = await local.newSeller();
    const draft = (await createOrder(seller, { state: "DRAFT" })).order!;
    const opened = (await seller.client.orders.update({ orderId: draft.id!, order: { locationId: seller.locationId, version: 1, state: "OPEN" } })).order!;
    expect(opened.state).toBe("OPEN");
    const back = await failure(seller.client.orders.update({ orderId: draft.id!, order: { locationId: seller.locationId, version: 2, state: "DRAFT" } }));
    expect(back.errors[0]).toMatchObject({ code: "BAD_REQUEST", field: "order.state" });
    const unpaid = await failure(seller.client.orders.update({ orderId: draft.id!, order: { locationId: seller.locationId, version: 2, state: "COMPLETED" } }));
    expect(unpaid.errors[0].code).toBe("BAD_REQUEST");
  });
});
