import type { Square } from "square";
import { describe, expect, it } from "vitest";
import { priceOrder } from "./price-order";

const usd = (amount: number): Square.Money => ({ amount: BigInt(amount), currency: "USD" });
const line = (uid: string, amount: number, quantity = "1", extra: Partial<Square.OrderLineItem> = {}): Square.OrderLineItem => ({
  uid,
  name: uid,
  quantity,
  basePriceMoney: usd(amount),
  ...extra,
});
const tax = (uid: string, percentage: string, extra: Partial<Square.OrderLineItemTax> = {}): Square.OrderLineItemTax => ({
  uid,
  name: uid,
  percentage,
  type: "ADDITIVE",
  ...extra,
});
const percentOff = (uid: string, percentage: string, scope?: Square.OrderLineItemDiscountScope): Square.OrderLineItemDiscount => ({
  uid,
  name: uid,
  type: "FIXED_PERCENTAGE",
  percentage,
  ...(scope ? { scope } : {}),
});
const amountOff = (uid: string, amount: number, scope?: Square.OrderLineItemDiscountScope): Square.OrderLineItemDiscount => ({
  uid,
  name: uid,
  type: "FIXED_AMOUNT",
  amountMoney: usd(amount),
  ...(scope ? { scope } : {}),
});
const onlyDiscounts = (...uids: string[]) => ({ appliedDiscounts: uids.map((discountUid) => ({ discountUid })) });
const onlyTaxes = (...uids: string[]) => ({ appliedTaxes: uids.map((taxUid) => ({ taxUid })) });

interface Case {
  name: string;
  lines: Square.OrderLineItem[];
  taxes?: Square.OrderLineItemTax[];
  discounts?: Square.OrderLineItemDiscount[];
  /** Per line: [total, tax, discount]. */
  perLine: [number, number, number][];
  total: number;
  totalTax: number;
  totalDiscount: number;
}

const cases: Case[] = [
  { name: "quantity times price", lines: [line("a", 500, "2")], perLine: [[1000, 0, 0]], total: 1000, totalTax: 0, totalDiscount: 0 },
  { name: "fractional quantity, banker's rounding", lines: [line("a", 333, "1.5")], perLine: [[500, 0, 0]], total: 500, totalTax: 0, totalDiscount: 0 },
  {
    name: "additive tax rounds half to even (9.75 % of $6.00 = 58.5¢ → 58¢)",
    lines: [line("a", 600)],
    taxes: [tax("t", "9.75")],
    perLine: [[658, 58, 0]],
    total: 658,
    totalTax: 58,
    totalDiscount: 0,
  },
  {
    name: "order-scoped tax is rounded once and apportioned",
    lines: [line("a", 110), line("b", 110)],
    taxes: [tax("t", "5", { scope: "ORDER" })],
    perLine: [[116, 6, 0], [115, 5, 0]],
    total: 231,
    totalTax: 11,
    totalDiscount: 0,
  },
  {
    name: "line-scoped tax is rounded per line",
    lines: [line("a", 110, "1", onlyTaxes("t")), line("b", 110, "1", onlyTaxes("t"))],
    taxes: [tax("t", "5")],
    perLine: [[116, 6, 0], [116, 6, 0]],
    total: 232,
    totalTax: 12,
    totalDiscount: 0,
  },
  {
    name: "a tax named by one line applies to that line only",
    lines: [line("a", 1000, "1", onlyTaxes("t")), line("b", 1000)],
    taxes: [tax("t", "10")],
    perLine: [[1100, 100, 0], [1000, 0, 0]],
    total: 2100,
    totalTax: 100,
    totalDiscount: 0,
  },
  {
    name: "order percentage discount, then tax on the discounted amounts",
    lines: [line("a", 1000), line("b", 333)],
    taxes: [tax("t", "8.5")],
    discounts: [percentOff("d", "10")],
    perLine: [[977, 77, 100], [325, 25, 33]],
    total: 1302,
    totalTax: 102,
    totalDiscount: 133,
  },
  {
    name: "order fixed discount apportioned by share, remainder to the first",
    lines: [line("a", 300), line("b", 300), line("c", 300)],
    discounts: [amountOff("d", 100, "ORDER")],
    perLine: [[266, 0, 34], [267, 0, 33], [267, 0, 33]],
    total: 800,
    totalTax: 0,
    totalDiscount: 100,
  },
  {
    name: "line fixed discount is capped at the line",
    lines: [line("a", 500, "1", onlyDiscounts("d")), line("b", 200)],
    discounts: [amountOff("d", 800)],
    perLine: [[0, 0, 500], [200, 0, 0]],
    total: 200,
    totalTax: 0,
    totalDiscount: 500,
  },
  {
    name: "inclusive tax is carved out of the price",
    lines: [line("a", 1000)],
    taxes: [tax("vat", "10", { type: "INCLUSIVE" })],
    perLine: [[1000, 91, 0]],
    total: 1000,
    totalTax: 91,
    totalDiscount: 0,
  },
  {
    name: "additive tax is computed on the price net of inclusive tax",
    lines: [line("a", 1100)],
    taxes: [tax("vat", "10", { type: "INCLUSIVE" }), tax("levy", "5")],
    perLine: [[1150, 150, 0]],
    total: 1150,
    totalTax: 150,
    totalDiscount: 0,
  },
  {
    name: "discount sequence: item %, order %, item amount, order amount",
    lines: [line("a", 1000, "1", onlyDiscounts("item-pct", "item-amt"))],
    discounts: [amountOff("order-amt", 50, "ORDER"), amountOff("item-amt", 100), percentOff("order-pct", "10", "ORDER"), percentOff("item-pct", "10")],
    perLine: [[660, 0, 340]],
    total: 660,
    totalTax: 0,
    totalDiscount: 340,
  },
  {
    name: "modifiers count in gross sales",
    lines: [line("a", 500, "2", { modifiers: [{ uid: "m", name: "oat milk", basePriceMoney: usd(50) }] })],
    perLine: [[1100, 0, 0]],
    total: 1100,
    totalTax: 0,
    totalDiscount: 0,
  },
];

describe("priceOrder", () => {
  it.each(cases)("$name", (c) => {
    let n = 0;
    const priced = priceOrder({ currency: "USD", lineItems: c.lines, taxes: c.taxes ?? [], discounts: c.discounts ?? [], newUid: () => `gen-${++n}` });
    expect(priced.lineItems.map((l) => [Number(l.totalMoney!.amount), Number(l.totalTaxMoney!.amount), Number(l.totalDiscountMoney!.amount)])).toEqual(c.perLine);
    expect(priced.totalMoney).toEqual(usd(c.total));
    expect(priced.totalTaxMoney).toEqual(usd(c.totalTax));
    expect(priced.totalDiscountMoney).toEqual(usd(c.totalDiscount));
    // The applied amounts on the order's taxes and discounts add up to the totals.
    expect(priced.taxes.reduce((s, t) => s + t.appliedMoney!.amount!, 0n)).toBe(BigInt(c.totalTax));
    expect(priced.discounts.reduce((s, d) => s + d.appliedMoney!.amount!, 0n)).toBe(BigInt(c.totalDiscount));
  });

  it("adds applied entries for order-scoped taxes to every line and resolves scopes", () => {
    let n = 0;
    const priced = priceOrder({
      currency: "USD",
      lineItems: [line("a", 1000, "1", onlyTaxes("city")), line("b", 500)],
      taxes: [tax("state", "5"), tax("city", "1")],
      discounts: [],
      newUid: () => `gen-${++n}`,
    });
    expect(priced.taxes.map((t) => [t.uid, t.scope])).toEqual([["state", "ORDER"], ["city", "LINE_ITEM"]]);
    expect(priced.lineItems[0].appliedTaxes?.map((a) => [a.taxUid, Number(a.appliedMoney!.amount)])).toEqual([["state", 50], ["city", 10]]);
    expect(priced.lineItems[1].appliedTaxes?.map((a) => a.taxUid)).toEqual(["state"]);
    expect(priced.lineItems[0].appliedTaxes?.every((a) => a.uid?.startsWith("gen-"))).toBe(true);
    expect(priced.lineItems[0].variationTotalPriceMoney).toEqual(usd(1000));
    expect(priced.lineItems[0].grossSalesMoney).toEqual(usd(1000));
  });
});
