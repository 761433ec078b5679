/**
 * The card-on-file consent the buyer sees. Change the wording only together with the version: each
 * consent row records the version the buyer agreed to.
 */
export const CONSENT_WORDING_VERSION = "save-card-2026-01";

export const consentLabel = (businessName: string) => `Save my card with ${businessName} for future purchases`;

export const consentExplanation = (businessName: string) =>
  `${businessName} will keep this card on file with Square to charge it for future purchases you make with them. ` +
  "Only the card's brand and last 4 digits are visible to them. You can ask them to remove it at any time.";
