import { randomBytes, randomUUID } from "node:crypto";

/** IDs shaped like Square's (see square-api-notes.md, "Observed ID shapes"). */
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// One crypto call per few hundred ids instead of one per id: generating a seller's history makes
// tens of thousands of ids, and each randomBytes call costs more than the id itself.
const POOL_SIZE = 8192;
let pool = randomBytes(POOL_SIZE);
let used = 0;

function secureBytes(length: number): Buffer {
  if (used + length > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  used += length;
  return pool.subarray(used - length, used);
}

function pick(alphabet: string, length: number): string {
  const bytes = secureBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

const hex = (bytes: number) => secureBytes(bytes).toString("hex");

export const ids = {
  merchant: () => pick(UPPER, 13),
  location: () => pick(UPPER, 13),
  customer: () => pick(UPPER, 26),
  /** Payments, orders and tenders: 29 mixed-case characters ending in "ZY" as Square's commonly do. */
  payment: () => pick(MIXED, 27) + "ZY",
  order: () => pick(MIXED, 26) + "eV",
  card: () => `ccof:${pick(MIXED, 16)}`,
  cardNonce: () => `cnon:${pick(MIXED, 24)}`,
  giftCard: () => `gftc:${hex(16)}`,
  giftCardActivity: () => `gcact_${hex(16)}`,
  giftCardNonce: () => `gftn:${pick(MIXED, 24)}`,
  squareGan: () => "778332" + Array.from(secureBytes(10), (b) => String(b % 10)).join(""),
  uid: () => pick(MIXED, 22),
  eventId: () => randomUUID(),
  subscription: () => `wbhk_${hex(16)}`,
  signatureKey: () => randomBytes(16).toString("base64url"),
  authCode: () => `sq0cgp-${pick(MIXED, 22)}`,
  accessToken: () => `EAAA${pick(MIXED, 60)}`,
  refreshToken: () => `EQAA${pick(MIXED, 60)}`,
  fingerprint: () => `sq-1-${pick(MIXED, 40)}`,
};
