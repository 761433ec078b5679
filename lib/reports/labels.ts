/** Square's enum values as a seller reads them. */
const titleCase = (value: string) =>
  value
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

const BRANDS: Record<string, string> = {
  VISA: "Visa",
  MASTERCARD: "Mastercard",
  AMERICAN_EXPRESS: "American Express",
  DISCOVER: "Discover",
  DISCOVER_DINERS: "Diners Club",
  JCB: "JCB",
  CHINA_UNIONPAY: "China UnionPay",
  SQUARE_GIFT_CARD: "Square gift card",
  EBT: "EBT",
  OTHER_BRAND: "Other card",
};

export const brandLabel = (brand: string | null): string => (brand ? (BRANDS[brand] ?? titleCase(brand)) : "—");

export const enumLabel = (value: string | null): string => (value ? titleCase(value) : "—");

/** "Visa •••• 1111", or the payment's source when it was not a card. */
export function cardLabel(p: { cardBrand: string | null; last4: string | null; sourceType?: string | null }): string {
  if (p.cardBrand || p.last4) return `${brandLabel(p.cardBrand)}${p.last4 ? ` •••• ${p.last4}` : ""}`;
  return enumLabel(p.sourceType ?? null);
}

export interface AttributionFacts {
  customerId: string | null;
  source: string;
  mergedFrom: string | null;
  assignedLater?: boolean;
}

/** Where an attribution came from, in words ("from the payment; merged from C123"). */
export function attributionLabel(a: AttributionFacts): string {
  if (!a.customerId) return "No customer on the order or its payments";
  const parts = [a.source === "payment" ? "from the payment" : a.source === "order" ? "from the order" : a.source];
  if (a.assignedLater) parts.push("assigned by Square after the sale");
  if (a.mergedFrom) parts.push(`merged from ${a.mergedFrom}`);
  return parts.join("; ");
}
