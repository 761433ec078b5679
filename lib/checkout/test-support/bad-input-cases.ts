import { randomUUID } from "node:crypto";

// The hostile-input table for the buyer's checkout (lib/checkout/bad-input.test.ts), through both of
// its doors: the payment page's submit (submitCheckout) and the JSON endpoint for apps (handlePayRequest).

/** The links the cases may name: one seller's fixed-price and open-amount links, and another seller's inactive one. */
export interface Links {
  fixed: string;
  /** Open amount between 1.00 and 100.00. */
  open: string;
  otherSellersInactive: string;
}

const HUGE = "x".repeat(1_000_000);
const CARD_NUMBER = "4111 1111 1111 1111";

type Mutation = [what: string, value: unknown];
const STRING: Mutation[] = [["a number", 42], ["an object", {}], ["a huge string", HUGE]];
const REQUIRED: Mutation[] = [["missing", undefined], ["empty", ""], ...STRING];

export interface SubmitCase {
  what: string;
  input: (l: Links) => unknown;
  expected: { code: "INVALID_INPUT"; field: string; message?: RegExp } | { code: "NOT_FOUND" };
}

export const submission = (l: Links, extra: Record<string, unknown> = {}) => ({
  linkId: l.fixed,
  attemptId: randomUUID(),
  sourceId: "cnon:card-nonce-ok",
  givenName: "Ada",
  familyName: "Buyer",
  email: `ada.${randomUUID().slice(0, 8)}@example.com`,
  phone: "",
  saveCard: false,
  amount: null,
  ...extra,
});

function mutations(field: string, list: Mutation[], base = submission): SubmitCase[] {
  return list.map(([what, value]) => ({
    what: `${field} ${what}`,
    input: (l) => {
      const input: Record<string, unknown> = base(l);
      if (value === undefined) delete input[field];
      else input[field] = value;
      return input;
    },
    expected: { code: "INVALID_INPUT", field },
  }));
}

const open = (l: Links) => submission(l, { linkId: l.open });
/** Open-amount links take integer cents between their bounds (100 to 10000 here). */
const AMOUNTS: Mutation[] = [
  ["missing", null],
  ["negative", -500],
  ["zero", 0],
  ["fractional cents", 12.345],
  ["a float sum", 0.1 + 0.2],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["beyond int64", 2 ** 64],
  ["beyond the link's maximum", 10_001],
  ["below the link's minimum", 99],
  ["a string", "1000"],
  ["an exponent string", "1e3"],
  ["a decimal string", "12.34"],
];

export const SUBMIT_CASES: SubmitCase[] = [
  ...[null, "linkId=x", 7, []].map((value): SubmitCase => ({ what: `input is ${JSON.stringify(value)}`, input: () => value, expected: { code: "INVALID_INPUT", field: "form" } })),
  ...mutations("linkId", REQUIRED),
  { what: "linkId of no link", input: (l) => submission(l, { linkId: "no-such-link" }), expected: { code: "NOT_FOUND" } },
  { what: "linkId of another seller's inactive link", input: (l) => submission(l, { linkId: l.otherSellersInactive }), expected: { code: "NOT_FOUND" } },
  ...mutations("attemptId", [...REQUIRED, ["not a UUID", "attempt-1"]]),
  ...mutations("sourceId", [...REQUIRED, ["a card number without spaces", CARD_NUMBER.replace(/ /g, "")], ["not a token", "card-nonce-ok"]]),
  { what: "sourceId a card number", input: (l) => submission(l, { sourceId: CARD_NUMBER }), expected: { code: "INVALID_INPUT", field: "sourceId", message: /card numbers are never sent/ } },
  ...mutations("verificationToken", [["empty", ""], ["a number", 7], ["a huge string", HUGE]]),
  ...mutations("givenName", STRING),
  ...mutations("familyName", STRING),
  ...mutations("email", [...STRING, ["malformed", "ada@"]]),
  ...mutations("phone", [...STRING, ["not a phone number", "12345"]]),
  { what: "neither email nor phone", input: (l) => submission(l, { email: "", phone: "" }), expected: { code: "INVALID_INPUT", field: "email", message: /email address or phone number/ } },
  ...mutations("saveCard", [["a string", "yes"], ["a number", 1]]),
  ...mutations("amount", AMOUNTS, open),
];

export interface ApiCase {
  what: string;
  /** The JSON body (a string is sent as is). */
  body: (l: Links) => unknown;
  linkId?: (l: Links) => string;
  contentType?: string;
  expected: { status: number; code: string; field?: string; message?: RegExp };
}

export const apiBody = (extra: Record<string, unknown> = {}) => ({
  attempt_id: randomUUID(),
  source_id: "cnon:card-nonce-ok",
  buyer: { given_name: "Ines", email_address: `ines.${randomUUID().slice(0, 8)}@example.com` },
  ...extra,
});

const invalid = (field: string, message?: RegExp) => ({ status: 400, code: "INVALID_INPUT", field, message });

export const API_CASES: ApiCase[] = [
  { what: "a form body", contentType: "application/x-www-form-urlencoded", body: () => "attempt_id=1&source_id=cnon%3Acard-nonce-ok", expected: { status: 400, code: "INVALID_INPUT", message: /as JSON/ } },
  { what: "broken JSON", body: () => '{"attempt_id": ', expected: { status: 400, code: "INVALID_INPUT", message: /not valid JSON/ } },
  { what: "a body over 64 KB", body: () => apiBody({ buyer: { given_name: HUGE } }), expected: { status: 400, code: "INVALID_INPUT", message: /too large/ } },
  ...[null, [], "pay", 7].map((value): ApiCase => ({ what: `a body of ${JSON.stringify(value)}`, body: () => JSON.stringify(value), expected: invalid("body") })),
  { what: "an unknown field (amount_money)", body: () => apiBody({ amount_money: { amount: 1, currency: "USD" } }), expected: invalid("amount_money", /Unknown field/) },
  { what: "an unknown buyer field", body: () => apiBody({ buyer: { email_address: "a@example.com", customer_id: "FORGED" } }), expected: invalid("buyer.customer_id", /Unknown field/) },
  { what: "attempt_id missing", body: () => ({ ...apiBody(), attempt_id: undefined }), expected: invalid("attempt_id", /UUID/) },
  { what: "attempt_id a number", body: () => apiBody({ attempt_id: 1 }), expected: invalid("attempt_id", /UUID/) },
  { what: "source_id missing", body: () => ({ ...apiBody(), source_id: undefined }), expected: invalid("source_id", /payment token/) },
  { what: "source_id a card number", body: () => apiBody({ source_id: CARD_NUMBER }), expected: invalid("source_id", /card numbers are never sent/) },
  { what: "source_id a huge string", body: () => apiBody({ source_id: "cnon:" + "x".repeat(20_000) }), expected: invalid("source_id", /too long/) },
  { what: "buyer a string", body: () => apiBody({ buyer: "ines@example.com" }), expected: invalid("buyer") },
  { what: "buyer.email_address a number", body: () => apiBody({ buyer: { email_address: 7 } }), expected: invalid("buyer.email_address") },
  { what: "buyer.email_address malformed", body: () => apiBody({ buyer: { email_address: "ines@" } }), expected: invalid("buyer.email_address", /valid email/) },
  { what: "save_card a string", body: () => apiBody({ save_card: "true" }), expected: invalid("save_card", /true or false/) },
  ...AMOUNTS.filter(([, v]) => v !== null && !Number.isNaN(v) && v !== Number.POSITIVE_INFINITY).map(
    ([what, amount]): ApiCase => ({ what: `amount ${what}`, linkId: (l) => l.open, body: () => apiBody({ amount }), expected: invalid("amount") }),
  ),
  { what: "an unknown link", linkId: () => "no-such-link", body: () => apiBody(), expected: { status: 404, code: "NOT_FOUND" } },
  { what: "another seller's inactive link", linkId: (l) => l.otherSellersInactive, body: () => apiBody(), expected: { status: 404, code: "NOT_FOUND" } },
];
