import { declineReason, type DeclineReason } from "@/lib/checkout/declines";

// Square's error codes as sentences a seller can act on. Which decline codes mean what is the
// checkout's mapping (lib/checkout/declines.ts), shared so buyer and seller see the same reason;
// the wording here speaks to the seller about "the customer" and "the card".

export type PaymentMethodKind = "CARD" | "GIFT_CARD";

const DECLINES: Record<DeclineReason, (method: PaymentMethodKind) => string> = {
  declined: (m) =>
    m === "GIFT_CARD" ? "The gift card was declined. Choose another card or gift card." : "The card was declined. Choose another card, or ask the customer to contact their bank.",
  cvv: () => "The card's security code (CVV) was refused. Check it with the customer, or use another card.",
  postal_code: () => "The postal code doesn't match the card's billing address. Check it with the customer, or use another card.",
  expired: () => "The card has expired, or its expiry date is wrong. Use another card.",
  insufficient_funds: (m) =>
    m === "GIFT_CARD" ? "The gift card doesn't have enough balance for this amount. Charge less, or choose another card." : "The card was declined for insufficient funds. Choose another card.",
  verification: () => "The card's bank wants the customer to verify this card. Save or use it with the customer present, through the card form.",
  card_again: () => "These card details have expired or were already used. Enter the card again.",
};

/** A declined payment or card save, from Square's codes (the most specific one wins). */
export function declineSentence(codes: string[], method: PaymentMethodKind): string {
  return DECLINES[declineReason(codes)](method);
}

/** Where the error happened, for codes whose meaning depends on it. */
export type Situation = "customer" | "save-card" | "save-card-from-payment" | "disable-card" | "gift-card" | "charge";

const BY_CODE: Record<string, string | Partial<Record<Situation | "default", string>>> = {
  CONFLICT: "Someone else changed this customer while you were editing. Their changes are shown below; review them and save again.",
  VERSION_MISMATCH: "Someone else changed this customer while you were editing. Their changes are shown below; review them and save again.",
  INVALID_EMAIL_ADDRESS: "Square didn't accept this email address. Check it for typos.",
  INVALID_PHONE_NUMBER: "Square didn't accept this phone number. Include the country code (like +44) if it isn't a local number.",
  INVALID_TIME: "Enter the birthday as YYYY-MM-DD, or MM-DD without the year.",
  VALUE_TOO_LONG: "This is longer than Square allows.",
  MISSING_REQUIRED_PARAMETER: { customer: "Give at least a first name, last name, company, email or phone number.", default: "Square needs more details for this." },
  CUSTOMER_NOT_FOUND: "Square no longer has this customer (it may have been merged or deleted). Refresh the page.",
  INVALID_CARD: {
    charge: "This card is disabled or no longer usable, so it can't be charged. Choose another card.",
    "gift-card": "This gift card isn't active, so it can't be used.",
    default: "Square says this card can't be used.",
  },
  CARD_DISABLED: "This card is already disabled.",
  SOURCE_USED: {
    "save-card-from-payment": "The card from this payment is already saved on file.",
    default: "This card entry was already used. Enter the card again.",
  },
  INVALID_CARD_DATA: {
    "save-card-from-payment": "The card from this payment can't be saved: only a completed payment with a card (not a gift card or a card already on file) can become a card on file.",
    default: "Square couldn't save this card. Check that the postal code is the card's billing postal code, or use another card.",
  },
  CARD_PROCESSING_NOT_ENABLED: "Your Square account can't take card payments yet. Finish setting it up in Square.",
  IDEMPOTENCY_KEY_REUSED: {
    customer: "An earlier try of this form reached Square with other details, so the customer may already exist. Check the customer list, then reload the page to start again.",
    default: "This charge changed after it was first sent. Check the details and charge again.",
  },
  PAYMENT_AMOUNT_MISMATCH: "The amount doesn't match what is still due on this order.",
  INSUFFICIENT_PERMISSIONS: "This gift card can't be used with this Square account.",
  NOT_FOUND: { "gift-card": "Square has no gift card with that number. Check the number on the card.", default: "Square couldn't find this. Refresh the page." },
};

/** A Square error code as a sentence for the seller; null when the code has no specific wording. */
export function sellerMessage(code: string | undefined, situation: Situation): string | null {
  const entry = code ? BY_CODE[code] : undefined;
  if (!entry) return null;
  if (typeof entry === "string") return entry;
  return entry[situation] ?? entry.default ?? null;
}
