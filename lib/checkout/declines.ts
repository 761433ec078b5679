/** Why a payment was declined, in the terms a buyer can act on. */
export type DeclineReason = "declined" | "cvv" | "postal_code" | "expired" | "insufficient_funds" | "verification" | "card_again";

const BY_CODE: Record<string, DeclineReason> = {
  CVV_FAILURE: "cvv",
  VERIFY_CVV_FAILURE: "cvv",
  ADDRESS_VERIFICATION_FAILURE: "postal_code",
  VERIFY_AVS_FAILURE: "postal_code",
  INVALID_POSTAL_CODE: "postal_code",
  INVALID_EXPIRATION: "expired",
  EXPIRATION_FAILURE: "expired",
  BAD_EXPIRATION: "expired",
  CARD_EXPIRED: "expired",
  INSUFFICIENT_FUNDS: "insufficient_funds",
  GIFT_CARD_AVAILABLE_AMOUNT: "insufficient_funds",
  CARD_DECLINED_VERIFICATION_REQUIRED: "verification",
  CARD_TOKEN_USED: "card_again",
  CARD_TOKEN_EXPIRED: "card_again",
  SOURCE_USED: "card_again",
  SOURCE_EXPIRED: "card_again",
};

/**
 * The most specific reason among Square's codes (a decline can come as GENERIC_DECLINE plus
 * CVV_FAILURE; the CVV is what the buyer can fix).
 */
export function declineReason(codes: string[]): DeclineReason {
  for (const code of codes) if (BY_CODE[code]) return BY_CODE[code];
  return "declined";
}

export function declineMessage(reason: DeclineReason, method: "CARD" | "GIFT_CARD"): string {
  switch (reason) {
    case "cvv":
      return "The security code (CVV) doesn't match this card. Check it and try again.";
    case "postal_code":
      return "The postal code doesn't match the card's billing address. Check it and try again.";
    case "expired":
      return "This card has expired, or the expiry date is wrong. Check it or use another card.";
    case "insufficient_funds":
      return method === "GIFT_CARD"
        ? "This gift card doesn't have enough balance for this amount. Use another card."
        : "This card doesn't have enough funds. Use another card.";
    case "verification":
      return "Your bank needs to verify this payment. Enter your card again and complete the verification.";
    case "card_again":
      return "Your card details have expired. Enter your card again.";
    default:
      return method === "GIFT_CARD" ? "This gift card was declined. Use another card." : "Your card was declined. Try again or use another card.";
  }
}
