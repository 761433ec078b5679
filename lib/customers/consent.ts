/**
 * The consent a seller confirms before saving a customer's card in the dashboard. Change the words
 * only together with the version: each card_consents row records the version that was shown.
 */
export const SELLER_CONSENT_WORDING_VERSION = "dashboard-save-card-2026-01";

export const sellerConsentLabel = (customerName: string, businessName: string) =>
  `${customerName} agrees that ${businessName} may save this card on file`;

export const sellerConsentExplanation = (businessName: string) =>
  `Square stores the card, not ${businessName} or Patron: ${businessName} sees only its brand, last 4 digits and expiry date. ` +
  `It is kept so ${businessName} can charge it for the customer's future purchases without the card present, and it can be disabled at any time. ` +
  "Patron records this agreement (when, on which page and from which browser).";
