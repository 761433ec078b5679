import { digitsOnly, fingerprintOf, normalizePostalCode, type KeyedCard } from "./cards-numbers";
import { decline, INVALID_EXPIRATION, type ForcedOutcome } from "./payment-tokens";

/**
 * How Square's sandbox test cards behave when typed into the Web Payments SDK card form
 * (square-api-notes §9.2, §9.3). Any other valid number tokenizes as an ordinary good card.
 */
export type ScaBehaviour = "frictionless" | "challenge" | "fail";

export interface TestCard {
  number: string;
  label: string;
  cvv: string;
  outcome?: ForcedOutcome;
  /** Strong customer authentication cards; the emulator treats them as SCA for every seller. */
  sca?: ScaBehaviour;
}

export const CHALLENGE_CODE = "123456";

const card = (number: string, label: string, cvv = "111", extra: Partial<TestCard> = {}): TestCard => ({ number, label, cvv, ...extra });

export const SANDBOX_TEST_CARDS: TestCard[] = [
  card("4111111111111111", "Visa"),
  card("5105105105105100", "Mastercard"),
  card("6011000000000004", "Discover"),
  card("30000000000004", "Diners Club"),
  card("3569990010095841", "JCB"),
  card("340000000000009", "American Express", "1111"),
  card("6222988812340000", "China UnionPay", "123"),
  card("4000000000000002", "Visa, declined when charged", "111", { outcome: decline("GENERIC_DECLINE", "") }),
  card("4000000000000010", "Visa, declined when stored on file", "111", {
    outcome: decline("GENERIC_DECLINE", "card on file authorization declined", "store"),
  }),
  card("4800000000000004", "Visa SCA, frictionless", "111", { sca: "frictionless" }),
  card("5222220000000005", "Mastercard SCA, frictionless", "111", { sca: "frictionless" }),
  card("6011000000201016", "Discover EU SCA, frictionless", "111", { sca: "frictionless" }),
  card("4310000000201019", "Visa EU SCA, challenge", "111", { sca: "challenge" }),
  card("5248480000210026", "Mastercard SCA, challenge", "111", { sca: "challenge" }),
  card("5500000000201016", "Mastercard EU SCA, challenge", "111", { sca: "challenge" }),
  card("370000000201014", "American Express EU SCA, challenge", "1111", { sca: "challenge" }),
  card("4811110000000008", "Visa SCA, verification fails", "111", { sca: "fail" }),
];

const BY_NUMBER = new Map(SANDBOX_TEST_CARDS.map((c) => [c.number, c]));
// Cards on file keep only a fingerprint, so SCA behaviour of a stored test card is found through it.
const SCA_BY_FINGERPRINT = new Map(SANDBOX_TEST_CARDS.filter((c) => c.sca).map((c) => [fingerprintOf(c.number), c.sca!]));

export function testCardFor(pan: string): TestCard | undefined {
  return BY_NUMBER.get(digitsOnly(pan));
}

export function scaBehaviourOf(fingerprint: string | undefined): ScaBehaviour | undefined {
  return fingerprint ? SCA_BY_FINGERPRINT.get(fingerprint) : undefined;
}

/**
 * The documented error triggers, with one outcome per token: the number's own outcome first, then
 * CVV 911, postal code 99999, expiry 01/40.
 */
export function outcomeFor(card: KeyedCard): ForcedOutcome | undefined {
  const byNumber = testCardFor(card.number)?.outcome;
  if (byNumber) return byNumber;
  if (card.cvv === "911") return decline("CVV_FAILURE", "", "both");
  if (normalizePostalCode(card.postalCode) === "99999") return decline("ADDRESS_VERIFICATION_FAILURE", "", "both");
  if (card.expMonth === 1 && card.expYear % 100 === 40) return INVALID_EXPIRATION;
  return undefined;
}
