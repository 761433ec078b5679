/** OAuth permissions the emulator knows, and which one each webhook event needs to be delivered. */
export const ALL_SCOPES = [
  "MERCHANT_PROFILE_READ",
  "MERCHANT_PROFILE_WRITE",
  "CUSTOMERS_READ",
  "CUSTOMERS_WRITE",
  "PAYMENTS_READ",
  "PAYMENTS_WRITE",
  "ORDERS_READ",
  "ORDERS_WRITE",
  "GIFTCARDS_READ",
  "GIFTCARDS_WRITE",
] as const;

export type Scope = (typeof ALL_SCOPES)[number];

export const isScope = (value: string): value is Scope => (ALL_SCOPES as readonly string[]).includes(value);

/** The read scope a seller must have granted for an event of this type to reach the app. */
export function eventReadScope(eventType: string): Scope | undefined {
  const resource = eventType.split(".")[0];
  return (
    {
      customer: "CUSTOMERS_READ",
      card: "PAYMENTS_READ",
      payment: "PAYMENTS_READ",
      gift_card: "GIFTCARDS_READ",
      order: "ORDERS_READ",
    } as Record<string, Scope>
  )[resource];
}
