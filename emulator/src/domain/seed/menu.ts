import type { Square } from "square";
import { between, chance, pick, weighted, type Random } from "../../random";

interface MenuItem {
  name: string;
  price: number; // cents
  milk?: boolean;
  /** Groceries (whole beans) are not taxed in California; prepared food and drinks are. */
  taxable: boolean;
}

const DRINKS: MenuItem[] = [
  { name: "Drip Coffee", price: 300, taxable: true },
  { name: "Americano", price: 375, taxable: true },
  { name: "Latte", price: 475, milk: true, taxable: true },
  { name: "Cappuccino", price: 450, milk: true, taxable: true },
  { name: "Flat White", price: 475, milk: true, taxable: true },
  { name: "Mocha", price: 525, milk: true, taxable: true },
  { name: "Chai Latte", price: 495, milk: true, taxable: true },
  { name: "Cold Brew", price: 425, taxable: true },
  { name: "Matcha Latte", price: 550, milk: true, taxable: true },
  { name: "Loose Leaf Tea", price: 325, taxable: true },
];
const FOOD: MenuItem[] = [
  { name: "Butter Croissant", price: 375, taxable: true },
  { name: "Almond Croissant", price: 450, taxable: true },
  { name: "Blueberry Muffin", price: 350, taxable: true },
  { name: "Morning Bun", price: 400, taxable: true },
  { name: "Avocado Toast", price: 950, taxable: true },
  { name: "Breakfast Sandwich", price: 825, taxable: true },
  { name: "Chocolate Chip Cookie", price: 250, taxable: true },
  { name: "Seasonal Quiche", price: 775, taxable: true },
];
const RETAIL: MenuItem[] = [
  { name: "House Blend Beans, 12 oz", price: 1600, taxable: false },
  { name: "Single Origin Beans, 12 oz", price: 2100, taxable: false },
];

export const SALES_TAX = { uid: "sf-sales-tax", name: "San Francisco sales tax", percentage: "8.625", type: "ADDITIVE", scope: "LINE_ITEM" } as const;

const usd = (amount: number, currency: string): Square.Money => ({ amount: BigInt(amount), currency: currency as Square.Currency });

/**
 * A café ticket: one to four lines (a drink, often food, sometimes beans), milk and espresso
 * modifiers, the sales tax on taxable lines, and now and then a discount.
 */
export function cafeTicket(random: Random, currency: string): Pick<Square.Order, "lineItems" | "taxes" | "discounts"> {
  const lines: MenuItem[] = [pick(random, DRINKS)];
  if (chance(random, 0.55)) lines.push(pick(random, FOOD));
  if (chance(random, 0.2)) lines.push(pick(random, DRINKS));
  if (chance(random, 0.05)) lines.push(pick(random, RETAIL));
  const lineItems: Square.OrderLineItem[] = lines.map((item) => {
    const modifiers: Square.OrderLineItemModifier[] = [];
    if (item.milk && chance(random, 0.25)) modifiers.push({ name: pick(random, ["Oat Milk", "Almond Milk"]), basePriceMoney: usd(75, currency) });
    if (item.milk && chance(random, 0.1)) modifiers.push({ name: "Extra Shot", basePriceMoney: usd(100, currency) });
    return {
      name: item.name,
      quantity: String(weighted(random, [[1, 90], [2, 9], [3, 1]] as const)),
      basePriceMoney: usd(item.price, currency),
      ...(modifiers.length ? { modifiers } : {}),
      ...(item.taxable ? { appliedTaxes: [{ taxUid: SALES_TAX.uid }] } : {}),
    };
  });
  const discount = chance(random, 0.04)
    ? [{ uid: "discount", name: pick(random, ["Loyalty reward", "Staff discount", "Reusable cup"]), percentage: String(pick(random, [10, 15, 20])), scope: "ORDER" as const }]
    : [];
  return {
    lineItems,
    taxes: lineItems.some((l) => l.appliedTaxes) ? [{ ...SALES_TAX }] : [],
    discounts: discount,
  };
}

/** A tip on a card payment: none, or 10–25 % rounded to a quarter. */
export function tipFor(random: Random, amount: bigint): bigint {
  if (!chance(random, 0.45)) return 0n;
  return (((amount * BigInt(between(random, 10, 25))) / 100n + 12n) / 25n) * 25n;
}

/** What a buyer hands over in cash: the next whole 5, 10 or 20 dollars. */
export function cashTendered(amount: bigint): bigint {
  const step = amount <= 1000n ? 500n : amount <= 2000n ? 1000n : 2000n;
  return ((amount + step - 1n) / step) * step;
}
