/**
 * What a generated seller looks like: how much history, and how its sales split between the cases
 * Patron must attribute correctly. The demo seller and POST /_emulator/seed use the same generator
 * with different plans.
 */
export interface SeedPlan {
  seed: number;
  customers: number;
  orders: number;
  months: number;
  /** History ends at the start of this instant's local day (so a given date gives the same shape). */
  endMs: number;
  /** Profiles without an email address. */
  noEmailShare: number;
  /** Profiles that later got an UpdateCustomer (version > 0). */
  updatedShare: number;
  /** Pairs of profiles of one person, still waiting to be merged (same email or phone). */
  duplicatePairs: number;
  /** Pairs merged during the history, before any app subscribed: orders and payments keep both old ids. */
  premergedPairs: number;
  /** Customers with cards on file, and what happened to some of those cards. */
  cardOnFileShare: number;
  disabledCardShare: number;
  expiringSoonShare: number;
  giftCards: number;
  linkedGiftCardShare: number;
  /** Shares of orders by kind; what is left are counter sales with the customer on order and payment. */
  kinds: Record<OrderKind, number>;
}

export type OrderKind =
  | "online" // Square Online: no customer on the order, the payment carries one
  | "paymentLink" // a payment link: the same shape under another source name
  | "split" // two customers pay one order (two tenders, through PayOrder)
  | "lateAssigned" // anonymous card sale; Square attaches the customer to the payment later
  | "instantProfile" // anonymous card sale from a stranger: Square makes an INSTANT_PROFILE
  | "anonymousCash" // cash with no customer anywhere
  | "giftCard" // paid with a gift card linked to the buyer
  | "cardOnFile"; // charged to a stored card

const DEFAULT_KINDS: Record<OrderKind, number> = {
  online: 0.1,
  paymentLink: 0.04,
  split: 0.02,
  lateAssigned: 0.08,
  instantProfile: 0.01,
  anonymousCash: 0.1,
  giftCard: 0.03,
  cardOnFile: 0.04,
};

/** A seller of any size with every case present in proportion (POST /_emulator/seed). */
export function scalePlan(input: { customers: number; orders: number; months?: number; seed?: number; endMs: number }): SeedPlan {
  const pairs = (share: number) => (input.customers >= 4 ? Math.max(1, Math.round(input.customers * share)) : 0);
  return {
    seed: input.seed ?? 1,
    customers: input.customers,
    orders: input.orders,
    months: input.months ?? 12,
    endMs: input.endMs,
    noEmailShare: 0.2,
    updatedShare: 0.1,
    duplicatePairs: pairs(0.015),
    premergedPairs: pairs(0.01),
    cardOnFileShare: 0.45,
    disabledCardShare: 0.06,
    expiringSoonShare: 0.05,
    giftCards: Math.max(input.customers >= 2 ? 2 : 0, Math.round(input.customers / 12)),
    linkedGiftCardShare: 0.6,
    kinds: { ...DEFAULT_KINDS },
  };
}

/** The demo café: about 300 customers and 3,000 orders over a year, with a few of every case. */
export function demoPlan(endMs: number): SeedPlan {
  return { ...scalePlan({ customers: 300, orders: 3000, months: 12, seed: 2024, endMs }), duplicatePairs: 8, premergedPairs: 6, giftCards: 30 };
}
