import type { Square } from "square";
import { add, apportion, div, frac, mul, parseDecimal, roundHalfEven, type Fraction } from "./rational";

/**
 * Square's order arithmetic, as a pure function of the order's lines, taxes and discounts.
 * Callers validate first (uids present and unique, references resolvable, percentages decimal,
 * one currency); see emulator/README.md, "Orders: pricing", for the rules and where they are ours.
 */
export interface PricingInput {
  currency: Square.Currency;
  lineItems: Square.OrderLineItem[];
  taxes: Square.OrderLineItemTax[];
  discounts: Square.OrderLineItemDiscount[];
  newUid: () => string;
}

export interface PricedOrder {
  lineItems: Square.OrderLineItem[];
  taxes: Square.OrderLineItemTax[];
  discounts: Square.OrderLineItemDiscount[];
  totalMoney: Square.Money;
  totalTaxMoney: Square.Money;
  totalDiscountMoney: Square.Money;
  totalServiceChargeMoney: Square.Money;
}

interface LineState {
  gross: bigint;
  remaining: bigint;
  discounts: Map<string, bigint>; // discount uid → applied
  taxes: Map<string, bigint>; // tax uid → applied
}

const PERCENT = (text: string | null | undefined): Fraction => div(parseDecimal(text ?? "0") ?? frac(0n), frac(100n));
const isPercentDiscount = (d: Square.OrderLineItemDiscount) => d.type === "FIXED_PERCENTAGE" || d.type === "VARIABLE_PERCENTAGE";

export function priceOrder(input: PricingInput): PricedOrder {
  const money = (amount: bigint): Square.Money => ({ amount, currency: input.currency });
  const lines: LineState[] = input.lineItems.map((line) => {
    const gross = lineGross(line);
    return { gross, remaining: gross, discounts: new Map(), taxes: new Map() };
  });
  const targets = (scope: string | undefined, names: (line: Square.OrderLineItem) => boolean) =>
    input.lineItems.flatMap((line, i) => (scope === "ORDER" || names(line) ? [i] : []));

  const discountScope = new Map(input.discounts.map((d) => [d.uid!, resolvedScope(d.scope, d.uid!, input.lineItems, "discounts")]));
  const phases: [boolean, string][] = [[true, "LINE_ITEM"], [true, "ORDER"], [false, "LINE_ITEM"], [false, "ORDER"]];
  for (const [percent, scope] of phases) {
    const start = lines.map((l) => l.remaining);
    for (const discount of input.discounts) {
      if (isPercentDiscount(discount) !== percent || discountScope.get(discount.uid!) !== scope) continue;
      const on = targets(scope, (l) => !!l.appliedDiscounts?.some((a) => a.discountUid === discount.uid));
      const parts = percent
        ? percentParts(on.map((i) => frac(start[i])), PERCENT(discount.percentage), scope === "ORDER")
        : amountParts(on.map((i) => lines[i].remaining), discount.amountMoney?.amount ?? 0n, scope === "ORDER");
      on.forEach((i, k) => {
        const part = parts[k] < lines[i].remaining ? parts[k] : lines[i].remaining;
        lines[i].remaining -= part;
        lines[i].discounts.set(discount.uid!, (lines[i].discounts.get(discount.uid!) ?? 0n) + part);
      });
    }
  }

  const taxScope = new Map(input.taxes.map((t) => [t.uid!, resolvedScope(t.scope, t.uid!, input.lineItems, "taxes")]));
  const taxLines = new Map(
    input.taxes.map((t) => [t.uid!, targets(taxScope.get(t.uid!), (l) => !!l.appliedTaxes?.some((a) => a.taxUid === t.uid))]),
  );
  // Inclusive taxes are inside the price: the pre-tax base is net / (1 + sum of inclusive rates).
  const base = lines.map((line, i) => {
    const inclusive = input.taxes
      .filter((t) => t.type === "INCLUSIVE" && taxLines.get(t.uid!)!.includes(i))
      .reduce((sum, t) => add(sum, PERCENT(t.percentage)), frac(0n));
    return div(frac(line.remaining), add(frac(1n), inclusive));
  });
  for (const tax of input.taxes) {
    const on = taxLines.get(tax.uid!)!;
    const parts = percentParts(on.map((i) => base[i]), PERCENT(tax.percentage), taxScope.get(tax.uid!) === "ORDER");
    on.forEach((i, k) => lines[i].taxes.set(tax.uid!, parts[k]));
  }

  const isAdditive = (uid: string) => input.taxes.find((t) => t.uid === uid)?.type !== "INCLUSIVE";
  const sum = (values: Iterable<bigint>) => [...values].reduce((a, b) => a + b, 0n);
  const lineItems = input.lineItems.map((line, i): Square.OrderLineItem => {
    const state = lines[i];
    const additive = sum([...state.taxes].filter(([uid]) => isAdditive(uid)).map(([, v]) => v));
    return {
      ...line,
      modifiers: line.modifiers?.map((m) => ({ ...m, totalPriceMoney: money(modifierTotal(m, line)) })),
      appliedDiscounts: applied(line.appliedDiscounts, state.discounts, "discountUid", input.newUid, money),
      appliedTaxes: applied(line.appliedTaxes, state.taxes, "taxUid", input.newUid, money),
      variationTotalPriceMoney: money(variationTotal(line)),
      grossSalesMoney: money(state.gross),
      totalDiscountMoney: money(sum(state.discounts.values())),
      totalTaxMoney: money(sum(state.taxes.values())),
      totalServiceChargeMoney: money(0n),
      totalMoney: money(state.remaining + additive),
    };
  });
  const appliedTotal = (uid: string, pick: (l: LineState) => Map<string, bigint>) => money(sum(lines.map((l) => pick(l).get(uid) ?? 0n)));
  return {
    lineItems,
    taxes: input.taxes.map((t) => ({ ...t, scope: taxScope.get(t.uid!) as Square.OrderLineItemTaxScope, appliedMoney: appliedTotal(t.uid!, (l) => l.taxes) })),
    discounts: input.discounts.map((d) => ({
      ...d,
      scope: discountScope.get(d.uid!) as Square.OrderLineItemDiscountScope,
      appliedMoney: appliedTotal(d.uid!, (l) => l.discounts),
    })),
    totalMoney: money(sum(lineItems.map((l) => l.totalMoney!.amount!))),
    totalTaxMoney: money(sum(lineItems.map((l) => l.totalTaxMoney!.amount!))),
    totalDiscountMoney: money(sum(lineItems.map((l) => l.totalDiscountMoney!.amount!))),
    totalServiceChargeMoney: money(0n),
  };
}

/** A scope left out means ORDER, unless some line item names the tax or discount. */
function resolvedScope(scope: string | undefined, uid: string, lineItems: Square.OrderLineItem[], kind: "taxes" | "discounts"): string {
  if (scope === "ORDER" || scope === "LINE_ITEM") return scope;
  const referenced = lineItems.some((l) =>
    kind === "taxes" ? l.appliedTaxes?.some((a) => a.taxUid === uid) : l.appliedDiscounts?.some((a) => a.discountUid === uid),
  );
  return referenced ? "LINE_ITEM" : "ORDER";
}

/** Percent of each base: rounded per line, or (order scope) rounded once and apportioned. */
function percentParts(bases: Fraction[], rate: Fraction, orderScope: boolean): bigint[] {
  const exact = bases.map((b) => mul(b, rate));
  if (!orderScope) return exact.map(roundHalfEven);
  return apportion(roundHalfEven(exact.reduce(add, frac(0n))), exact);
}

/** A fixed amount: in full on each line, or (order scope) apportioned by what each line still costs. */
function amountParts(remaining: bigint[], amount: bigint, orderScope: boolean): bigint[] {
  if (!orderScope) return remaining.map((r) => (amount < r ? amount : r));
  const available = remaining.reduce((a, b) => a + b, 0n);
  return apportion(amount < available ? amount : available, remaining.map((r) => frac(r)));
}

function quantityOf(text: string | undefined | null): Fraction {
  return parseDecimal(text ?? "0") ?? frac(0n);
}

export function variationTotal(line: Square.OrderLineItem): bigint {
  return roundHalfEven(mul(frac(line.basePriceMoney?.amount ?? 0n), quantityOf(line.quantity)));
}

function modifierTotal(modifier: Square.OrderLineItemModifier, line: Square.OrderLineItem): bigint {
  const each = mul(frac(modifier.basePriceMoney?.amount ?? 0n), quantityOf(modifier.quantity ?? "1"));
  return roundHalfEven(mul(each, quantityOf(line.quantity)));
}

function lineGross(line: Square.OrderLineItem): bigint {
  return variationTotal(line) + (line.modifiers ?? []).reduce((sum, m) => sum + modifierTotal(m, line), 0n);
}

function applied<K extends "discountUid" | "taxUid">(
  given: ({ uid?: string | null } & Record<K, string>)[] | null | undefined,
  amounts: Map<string, bigint>,
  key: K,
  newUid: () => string,
  money: (n: bigint) => Square.Money,
) {
  const out = [...amounts].map(([refUid, amount]) => {
    const existing = given?.find((a) => a[key] === refUid);
    return { ...existing, uid: existing?.uid ?? newUid(), [key]: refUid, appliedMoney: money(amount) } as { uid: string; appliedMoney: Square.Money } & Record<K, string>;
  });
  return out.length ? out : undefined;
}
