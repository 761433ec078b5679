import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SELLER } from "../../src/domain/demo";
import { tables } from "../../src/domain/tables";
import { GLOBAL } from "../../src/store/store";
import { startTestEmulator, type TestEmulator } from "../harness";
import { moneyProblems, readSeller, type SellerData } from "./seed-fixtures";

let local: TestEmulator;
let data: SellerData;
let client: ReturnType<TestEmulator["clientFor"]>;
let ordersById: Map<string, Square.Order>;

beforeAll(async () => {
  local = await startTestEmulator({ demo: true, webhookUrl: "http://127.0.0.1:9/never" });
  const token = [...tables(local.emulator.ctx.store).accessTokens.values(GLOBAL)].find((t) => t.merchantId === DEMO_SELLER.merchantId)!;
  client = local.clientFor(token.token);
  data = await readSeller(client, DEMO_SELLER.locationId);
  ordersById = new Map(data.orders.map((o) => [o.id!, o]));
});
afterAll(() => local.stop());

const orderOf = (payment: Square.Payment) => ordersById.get(payment.orderId!)!;
const digits = (phone: string | null | undefined) => (phone ?? "").replace(/\D/g, "").slice(-10);

describe("The demo seller", () => {
  it("is a café a year old: ~300 customers, 3,000 taxed orders in business hours in its time zone", async () => {
    expect((await client.locations.get({ locationId: DEMO_SELLER.locationId })).location?.timezone).toBe("America/Los_Angeles");
    expect(data.customers.length).toBeGreaterThan(270);
    expect(data.customers.length).toBeLessThan(360);
    expect(data.orders).toHaveLength(3000);
    expect(moneyProblems(data.orders, data.payments)).toEqual([]);
    expect(data.orders.filter((o) => o.taxes?.some((t) => t.percentage === "8.625")).length).toBeGreaterThan(2900);
    const hour = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", hourCycle: "h23" });
    const hours = new Set(data.orders.map((o) => Number(hour.format(new Date(o.createdAt!)))));
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(7);
    expect(Math.max(...hours)).toBeLessThanOrEqual(17);
    const days = (Date.now() - Math.min(...data.orders.map((o) => Date.parse(o.createdAt!)))) / 86_400_000;
    expect(days).toBeGreaterThan(355);
    expect(days).toBeLessThan(370);
  });

  it("has online and payment-link orders with no order customer whose payments carry one", () => {
    for (const source of ["Square Online", "Square Payment Links"]) {
      const remote = data.payments.filter((p) => p.customerId && orderOf(p).source?.name === source && !orderOf(p).customerId);
      expect(remote.length, source).toBeGreaterThan(20);
    }
  });

  it("has orders paid by two customers through split tenders (PayOrder)", () => {
    const split = data.orders.filter((o) => new Set((o.tenders ?? []).map((t) => t.customerId).filter(Boolean)).size === 2);
    expect(split.length).toBeGreaterThan(10);
    for (const order of split) {
      const payments = order.tenders!.map((t) => data.payments.find((p) => p.id === t.paymentId)!);
      // Made with autocomplete false, then captured by PayOrder.
      expect(payments.every((p) => p.status === "COMPLETED" && p.delayAction && p.cardDetails?.cardPaymentTimeline?.capturedAt)).toBe(true);
    }
  });

  it("has late-assigned payments (customer on the payment only) and payments with no customer at all", () => {
    const late = data.payments.filter((p) => p.customerId && !orderOf(p).customerId && !orderOf(p).tenders?.find((t) => t.paymentId === p.id)?.customerId);
    expect(late.length).toBeGreaterThan(100);
    const nobody = data.payments.filter((p) => !p.customerId && !orderOf(p).customerId);
    expect(nobody.length).toBeGreaterThan(100);
    expect(nobody.every((p) => p.sourceType === "CASH")).toBe(true);
    expect(data.customers.some((c) => c.creationSource === "INSTANT_PROFILE")).toBe(true);
  });

  it("has profiles merged before any app subscribed, whose history stays under the old ids", async () => {
    const live = new Set(data.customers.map((c) => c.id));
    const historic = new Set([...data.orders.map((o) => o.customerId), ...data.payments.map((p) => p.customerId)].filter((id): id is string => !!id && !live.has(id)));
    const oldIds = [];
    for (const id of historic) {
      const survivor = (await client.customers.get({ customerId: id })).customer!;
      if (survivor.id !== id) oldIds.push({ id, survivor });
    }
    expect(oldIds.length).toBeGreaterThanOrEqual(6);
    expect(oldIds.every(({ survivor }) => survivor.creationSource === "MERGE" && live.has(survivor.id))).toBe(true);
    expect(local.emulator.bus.log.filter((e) => e.merchantId === DEMO_SELLER.merchantId)).toEqual([]);
  });

  it("has profiles still waiting to be merged: the same email or the same phone number twice", () => {
    const by = (key: (c: Square.Customer) => string) => {
      const seen = new Map<string, number>();
      for (const c of data.customers) if (key(c)) seen.set(key(c), (seen.get(key(c)) ?? 0) + 1);
      return [...seen.values()].filter((n) => n > 1).length;
    };
    expect(by((c) => c.emailAddress?.toLowerCase() ?? "")).toBeGreaterThan(0);
    expect(by((c) => digits(c.phoneNumber))).toBeGreaterThan(0);
    expect(data.customers.filter((c) => !c.emailAddress).length).toBeGreaterThan(30);
  });

  it("has cards on file across brands, some disabled and some expiring soon", () => {
    expect(new Set(data.cards.map((c) => c.cardBrand)).size).toBeGreaterThanOrEqual(4);
    expect(data.cards.filter((c) => c.enabled === false && c.disabledAt).length).toBeGreaterThan(0);
    const now = new Date();
    const soon = (c: Square.Card) => Number(c.expYear) * 12 + Number(c.expMonth) - 1 - (now.getUTCFullYear() * 12 + now.getUTCMonth()) <= 1;
    expect(data.cards.filter((c) => c.enabled && soon(c)).length).toBeGreaterThan(0);
    expect(data.payments.some((p) => p.cardDetails?.entryMethod === "ON_FILE")).toBe(true);
  });

  it("has gift cards linked and unlinked, with activations, reloads and redemptions", () => {
    const linked = data.giftCards.filter((g) => g.customerIds?.length);
    const unlinked = data.giftCards.filter((g) => !g.customerIds?.length);
    expect(linked.length).toBeGreaterThan(5);
    expect(unlinked.length).toBeGreaterThan(3);
    const types = new Set(data.activities.map((a) => a.type));
    for (const type of ["ACTIVATE", "LOAD", "REDEEM"]) expect(types).toContain(type);
    const paidWith = data.activities.filter((a) => a.type === "REDEEM" && a.redeemActivityDetails?.paymentId);
    expect(paidWith.length).toBeGreaterThan(10);
    expect(data.payments.filter((p) => p.cardDetails?.card?.cardBrand === "SQUARE_GIFT_CARD").length).toBe(paidWith.length);
  });

  it("comes back with the same shape after a reset", async () => {
    const counts = () => {
      const t = tables(local.emulator.ctx.store);
      const m = DEMO_SELLER.merchantId;
      return [t.customers, t.customerAliases, t.cards, t.giftCards, t.giftCardActivities, t.orders, t.payments].map((table) => table.count(m));
    };
    const before = counts();
    expect((await local.admin("/_emulator/reset", {})).status).toBe(204);
    expect(counts()).toEqual(before);
    expect(tables(local.emulator.ctx.store).merchants.get(GLOBAL, DEMO_SELLER.merchantId)?.businessName).toBe(DEMO_SELLER.businessName);
  });
});
