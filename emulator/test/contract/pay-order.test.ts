import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/domain/tables";
import type { TestSeller } from "../harness";
import { failure, key, startMoneyEmulator, usd, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator();
});
afterAll(() => local.stop());

const orderOf = async (seller: TestSeller, total: number, extra: Partial<Square.Order> = {}) =>
  (await seller.client.orders.create({ idempotencyKey: key(), order: { locationId: seller.locationId, lineItems: [{ name: "Basket", quantity: "1", basePriceMoney: usd(total) }], ...extra } })).order!;
const pay = (seller: TestSeller, fields: Partial<Square.CreatePaymentRequest>) =>
  seller.client.payments.create({ sourceId: "cnon:card-nonce-ok", idempotencyKey: key(), amountMoney: usd(1000), ...fields });
const getOrder = async (seller: TestSeller, id: string) => (await seller.client.orders.get({ orderId: id })).order!;
const newCustomer = async (seller: TestSeller) => (await seller.client.customers.create({ idempotencyKey: key(), givenName: "Payer" })).customer!.id!;

describe("Paying an order with CreatePayment", () => {
  it("adds a captured tender, settles the amount due, bumps the version and completes the order", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const order = await orderOf(seller, 1000);
    const { payment } = await pay(seller, { orderId: order.id, tipMoney: usd(200), customerId, note: "thanks" });
    expect(payment?.orderId).toBe(order.id);
    const paid = await getOrder(seller, order.id!);
    expect(paid).toMatchObject({ state: "COMPLETED", version: 2, netAmountDueMoney: usd(0), totalTipMoney: usd(200), totalMoney: usd(1200) });
    expect(paid.closedAt).toBeTruthy();
    expect(paid.tenders).toEqual([
      {
        id: payment!.id,
        paymentId: payment!.id,
        transactionId: order.id,
        locationId: seller.locationId,
        createdAt: payment!.createdAt,
        note: "thanks",
        amountMoney: usd(1200),
        tipMoney: usd(200),
        customerId,
        type: "CARD",
        cardDetails: { status: "CAPTURED", entryMethod: "KEYED", card: payment!.cardDetails!.card },
      },
    ]);
    await local.waitForEvent((d) => d.type === "order.updated" && d.data.id === order.id && d.data.object.order_updated.state === "COMPLETED", "order.updated");
  });

  it("refuses amounts that differ from what is due, orders that are not OPEN, and other locations", async () => {
    const seller = await local.newSeller();
    const order = await orderOf(seller, 1000);
    const short = await failure(pay(seller, { orderId: order.id, amountMoney: usd(999) }));
    expect(short.errors[0]).toMatchObject({ code: "PAYMENT_AMOUNT_MISMATCH", field: "amount_money", detail: "The payment total does not match the order total." });
    expect((await failure(pay(seller, { orderId: order.id, amountMoney: usd(1001), autocomplete: false }))).errors[0].code).toBe("PAYMENT_AMOUNT_MISMATCH");
    expect((await failure(pay(seller, { orderId: "missing" }))).errors[0]).toMatchObject({ code: "NOT_FOUND", field: "order_id" });
    const draft = await orderOf(seller, 1000, { state: "DRAFT" });
    expect((await failure(pay(seller, { orderId: draft.id }))).errors[0]).toMatchObject({ code: "BAD_REQUEST", field: "order_id" });
    await pay(seller, { orderId: order.id });
    expect((await failure(pay(seller, { orderId: order.id }))).errors[0].code).toBe("BAD_REQUEST");

    const second = { ...tables(local.emulator.ctx.store).locations.get(seller.merchantId, seller.locationId)!, id: "SECONDLOCATION", name: "Second" };
    tables(local.emulator.ctx.store).locations.put(seller.merchantId, second.id, second);
    const elsewhere = await failure(pay(seller, { orderId: (await orderOf(seller, 1000)).id, locationId: second.id }));
    expect(elsewhere.errors[0]).toMatchObject({ code: "LOCATION_MISMATCH", field: "location_id" });
  });

  it("leaves an order with a fulfillment OPEN once paid", async () => {
    const seller = await local.newSeller();
    const order = await orderOf(seller, 1000, { fulfillments: [{ type: "PICKUP", pickupDetails: { recipient: { displayName: "Ada" }, scheduleType: "ASAP" } }] });
    await pay(seller, { orderId: order.id });
    expect(await getOrder(seller, order.id!)).toMatchObject({ state: "OPEN", netAmountDueMoney: usd(0), version: 2 });
  });

  it("shows a delayed-capture payment as an AUTHORIZED tender that reduces nothing until completed", async () => {
    const seller = await local.newSeller();
    const order = await orderOf(seller, 1000);
    const { payment } = await pay(seller, { orderId: order.id, autocomplete: false });
    const held = await getOrder(seller, order.id!);
    expect(held).toMatchObject({ state: "OPEN", netAmountDueMoney: usd(1000) });
    expect(held.tenders?.[0].cardDetails?.status).toBe("AUTHORIZED");
    await seller.client.payments.complete({ paymentId: payment!.id! });
    const done = await getOrder(seller, order.id!);
    expect(done).toMatchObject({ state: "COMPLETED", netAmountDueMoney: usd(0) });
    expect(done.tenders?.[0].cardDetails?.status).toBe("CAPTURED");
  });

  it("records gift card, cash and external tenders with their types", async () => {
    const seller = await local.newSeller();
    const tenderOf = async (fields: Partial<Square.CreatePaymentRequest>) => {
      const order = await orderOf(seller, 500);
      await pay(seller, { orderId: order.id, amountMoney: usd(500), ...fields });
      return (await getOrder(seller, order.id!)).tenders![0];
    };
    expect(await tenderOf({ sourceId: "cnon:gift-card-nonce-ok" })).toMatchObject({ type: "SQUARE_GIFT_CARD", cardDetails: { status: "CAPTURED", card: { cardBrand: "SQUARE_GIFT_CARD" } } });
    expect(await tenderOf({ sourceId: "CASH", cashDetails: { buyerSuppliedMoney: usd(2000) } })).toMatchObject({
      type: "CASH",
      cashDetails: { buyerTenderedMoney: usd(2000), changeBackMoney: usd(1500) },
    });
    expect(await tenderOf({ sourceId: "EXTERNAL", externalDetails: { type: "CHECK", source: "Desk" } })).toMatchObject({ type: "OTHER" });
  });

  it("gives a payment made without order_id an order of its own, with no customer on it", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const { payment } = await pay(seller, { amountMoney: usd(725), customerId });
    const order = await getOrder(seller, payment!.orderId!);
    expect(order).toMatchObject({ state: "COMPLETED", totalMoney: usd(725), lineItems: [{ itemType: "CUSTOM_AMOUNT", quantity: "1" }] });
    expect(order.customerId).toBeUndefined();
    expect(order.tenders?.[0]).toMatchObject({ id: payment!.id, customerId });
  });

  it("replays CreatePayment for an order without a second tender", async () => {
    const seller = await local.newSeller();
    const order = await orderOf(seller, 1000);
    const request = { sourceId: "cnon:card-nonce-ok", idempotencyKey: key(), amountMoney: usd(1000), orderId: order.id };
    const first = await seller.client.payments.create(request);
    expect((await seller.client.payments.create(request)).payment?.id).toBe(first.payment!.id);
    expect((await getOrder(seller, order.id!)).tenders).toHaveLength(1);
  });
});

describe("PayOrder and split payments", () => {
  it("completes the listed APPROVED payments of several customers and cancels the rest", async () => {
    const seller = await local.newSeller();
    const [ada, bob] = [await newCustomer(seller), await newCustomer(seller)];
    const order = await orderOf(seller, 1000);
    const first = (await pay(seller, { orderId: order.id, amountMoney: usd(600), autocomplete: false, customerId: ada })).payment!;
    const second = (await pay(seller, { orderId: order.id, amountMoney: usd(400), autocomplete: false, customerId: bob, sourceId: "ccof:customer-card-id-visa-ok" })).payment!;
    const partial = await failure(seller.client.payments.complete({ paymentId: first.id! }));
    expect(partial.errors[0].code).toBe("PAYMENT_AMOUNT_MISMATCH");
    expect((await failure(pay(seller, { orderId: order.id, amountMoney: usd(1) }))).errors[0].code).toBe("PAYMENT_AMOUNT_MISMATCH");
    const extra = (await failure(pay(seller, { orderId: order.id, amountMoney: usd(1001), autocomplete: false }))).errors[0];
    expect(extra.code).toBe("PAYMENT_AMOUNT_MISMATCH");

    const mismatch = await failure(seller.client.orders.pay({ orderId: order.id!, idempotencyKey: key(), paymentIds: [first.id!] }));
    expect(mismatch.errors[0]).toMatchObject({ code: "PAYMENT_AMOUNT_MISMATCH", field: "payment_ids" });
    const request = { orderId: order.id!, idempotencyKey: key(), paymentIds: [first.id!, second.id!] };
    const { order: paid } = await seller.client.orders.pay(request);
    expect(paid).toMatchObject({ state: "COMPLETED", netAmountDueMoney: usd(0) });
    expect(paid!.tenders?.map((t) => [t.paymentId, t.customerId, t.cardDetails?.status])).toEqual([
      [first.id, ada, "CAPTURED"],
      [second.id, bob, "CAPTURED"],
    ]);
    expect((await seller.client.payments.get({ paymentId: first.id! })).payment?.status).toBe("COMPLETED");
    expect((await seller.client.orders.pay(request)).order).toEqual(paid);
    const reused = await failure(seller.client.orders.pay({ ...request, paymentIds: [second.id!, first.id!] }));
    expect(reused.errors[0].code).toBe("IDEMPOTENCY_KEY_REUSED");

    const search = await seller.client.orders.search({ locationIds: [seller.locationId], query: { filter: { customerFilter: { customerIds: [bob] } } } });
    expect(search.orders?.map((o) => o.id)).toEqual([order.id]);
  });

  it("cancels APPROVED payments on the order that were not listed", async () => {
    const seller = await local.newSeller();
    const order = await orderOf(seller, 1000);
    const keep = (await pay(seller, { orderId: order.id, amountMoney: usd(1000), autocomplete: false })).payment!;
    const order2 = await orderOf(seller, 1000);
    const a = (await pay(seller, { orderId: order2.id, amountMoney: usd(500), autocomplete: false })).payment!;
    const b = (await pay(seller, { orderId: order2.id, amountMoney: usd(500), autocomplete: false })).payment!;
    await seller.client.payments.cancel({ paymentId: b.id! });
    const c = (await pay(seller, { orderId: order2.id, amountMoney: usd(500), autocomplete: false })).payment!;
    expect((await getOrder(seller, order2.id!)).tenders?.map((t) => t.id)).toEqual([a.id, c.id]);
    await seller.client.orders.pay({ orderId: order.id!, idempotencyKey: key(), paymentIds: [keep.id!] });
    const stale = await failure(seller.client.orders.pay({ orderId: order2.id!, idempotencyKey: key(), orderVersion: 1, paymentIds: [a.id!, c.id!] }));
    expect(stale.errors[0].code).toBe("VERSION_MISMATCH");
    // A retried checkout left a second authorization for the same order: PayOrder voids it.
    const lone = await orderOf(seller, 500);
    const x = (await pay(seller, { orderId: lone.id, amountMoney: usd(500), autocomplete: false })).payment!;
    const y = (await pay(seller, { orderId: lone.id, amountMoney: usd(500), autocomplete: false })).payment!;
    const { order: settled } = await seller.client.orders.pay({ orderId: lone.id!, idempotencyKey: key(), paymentIds: [x.id!] });
    expect((await seller.client.payments.get({ paymentId: y.id! })).payment).toMatchObject({ status: "CANCELED", cardDetails: { status: "VOIDED" } });
    expect(settled).toMatchObject({ state: "COMPLETED", netAmountDueMoney: usd(0) });
    expect(settled!.tenders?.map((t) => t.id)).toEqual([x.id]);
  });

  it("settles a zero-total order with no payments, and refuses foreign or finished payments", async () => {
    const seller = await local.newSeller();
    const free = await orderOf(seller, 0);
    expect((await failure(pay(seller, { orderId: free.id, amountMoney: usd(0) }))).errors[0].code).toBe("VALUE_TOO_LOW");
    const { order } = await seller.client.orders.pay({ orderId: free.id!, idempotencyKey: key(), paymentIds: [] });
    expect(order).toMatchObject({ state: "COMPLETED", netAmountDueMoney: usd(0) });
    const again = await failure(seller.client.orders.pay({ orderId: free.id!, idempotencyKey: key(), paymentIds: [] }));
    expect(again.errors[0].code).toBe("BAD_REQUEST");
    const target = await orderOf(seller, 300);
    const stray = (await pay(seller, { amountMoney: usd(300), autocomplete: false })).payment!;
    const foreign = await failure(seller.client.orders.pay({ orderId: target.id!, idempotencyKey: key(), paymentIds: [stray.id!] }));
    expect(foreign.errors[0]).toMatchObject({ code: "BAD_REQUEST", field: "payment_ids[0]" });
    expect((await failure(seller.client.orders.pay({ orderId: target.id!, idempotencyKey: key(), paymentIds: ["nope"] }))).statusCode).toBe(404);
    const readOnly = await local.newSeller({ scopes: ["ORDERS_WRITE"] });
    expect((await failure(readOnly.client.orders.pay({ orderId: target.id!, idempotencyKey: key(), paymentIds: [] }))).statusCode).toBe(403);
  });
});
