import { randomUUID } from "node:crypto";
import type { Card, CustomerRecord, GiftCard, Order, Payment } from "@/lib/square/types";

/**
 * Square-shaped objects for tests of the mirror's writers and queries, built directly in Patron's
 * own types (integration tests get theirs from the local Square instead).
 */
const usd = (amount: number) => ({ amount, currency: "USD" });
export const newId = (prefix = "") => prefix + randomUUID().replace(/-/g, "").slice(0, 20).toUpperCase();

export function customer(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  const id = overrides.id ?? newId();
  return {
    id,
    givenName: "Ada",
    familyName: "Lovelace",
    companyName: null,
    nickname: null,
    emailAddress: `${id.toLowerCase()}@example.com`,
    phoneNumber: "+1 (206) 555-0100",
    referenceId: null,
    note: null,
    creationSource: "THIRD_PARTY",
    createdAt: "2026-01-05T10:00:00.000Z",
    updatedAt: "2026-01-05T10:00:00.000Z",
    version: 0,
    raw: { id },
    ...overrides,
  };
}

export function order(overrides: Partial<Order> & { paymentIds?: { id: string; customerId?: string | null; amount?: number }[] } = {}): Order {
  const { paymentIds = [], ...rest } = overrides;
  const id = rest.id ?? newId("O");
  const total = rest.total?.amount ?? 1500;
  return {
    id,
    locationId: "LOC1",
    customerId: null,
    state: "COMPLETED",
    sourceName: "Patron",
    referenceId: null,
    total: usd(total),
    totalTax: usd(0),
    totalDiscount: usd(0),
    totalTip: usd(0),
    netAmountDue: usd(0),
    version: 1,
    createdAt: "2026-02-01T12:00:00.000Z",
    updatedAt: "2026-02-01T12:00:00.000Z",
    closedAt: null,
    lineItems: [{ uid: "line-1", name: "Coffee", variationName: null, itemType: "ITEM", quantity: "1", basePrice: usd(total), total: usd(total) }],
    tenders: paymentIds.map((p) => ({
      id: p.id,
      paymentId: p.id,
      type: "CARD",
      customerId: p.customerId ?? null,
      amount: usd(p.amount ?? total),
      tip: usd(0),
      cardBrand: "VISA",
      last4: "1111",
      createdAt: rest.createdAt ?? "2026-02-01T12:00:00.000Z",
    })),
    raw: { id },
    ...rest,
  };
}

export function payment(overrides: Partial<Payment> = {}): Payment {
  const id = overrides.id ?? newId("P");
  const total = overrides.total?.amount ?? 1500;
  return {
    id,
    orderId: null,
    locationId: "LOC1",
    customerId: null,
    status: "COMPLETED",
    sourceType: "CARD",
    amount: usd(total),
    tip: usd(0),
    total: usd(total),
    refunded: null,
    cardBrand: "VISA",
    last4: "1111",
    cardFingerprint: "fp",
    buyerEmailAddress: null,
    receiptNumber: id.slice(0, 4),
    versionToken: randomUUID(),
    createdAt: "2026-02-01T12:00:00.000Z",
    updatedAt: "2026-02-01T12:00:00.000Z",
    raw: { id },
    ...overrides,
  };
}

export function card(overrides: Partial<Card> = {}): Card {
  const id = overrides.id ?? newId("ccof:");
  return {
    id,
    customerId: null,
    cardBrand: "VISA",
    last4: "1111",
    expMonth: 12,
    expYear: 2030,
    cardholderName: "Ada Lovelace",
    fingerprint: "fp",
    cardType: "CREDIT",
    bin: "411111",
    referenceId: null,
    enabled: true,
    version: 1,
    createdAt: "2026-01-06T10:00:00.000Z",
    disabledAt: null,
    raw: { id },
    ...overrides,
  };
}

export function giftCard(overrides: Partial<GiftCard> = {}): GiftCard {
  const id = overrides.id ?? newId("gftc:");
  return { id, gan: newId(), type: "DIGITAL", state: "ACTIVE", balance: usd(2500), createdAt: "2026-01-07T10:00:00.000Z", customerIds: [], raw: { id }, ...overrides };
}
