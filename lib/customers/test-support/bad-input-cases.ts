import { randomUUID } from "node:crypto";

// The hostile-input table for the customer actions' cores (lib/customers/bad-input.test.ts): wrong
// types, missing fields, huge strings, bad amounts, other sellers' ids and forged hidden fields.

/** Ids the cases may name: the signed-in seller's own, and another seller's real ones. */
export interface World {
  own: { customerId: string; otherCustomerId: string; cardId: string; giftCardId: string };
  victim: { customerId: string; cardId: string; giftCardId: string; gan: string; paymentId: string };
}

export const OPS = [
  "createCustomer",
  "updateCustomer",
  "findExistingCustomers",
  "saveCard",
  "saveCardFromPayment",
  "disableCard",
  "linkGiftCard",
  "unlinkGiftCard",
  "chargeOnFile",
  "createOrderForCustomer",
] as const;
export type Op = (typeof OPS)[number];

export type Expected =
  /** Refused before Square is asked, with a clear sentence on the named field (dotted path). */
  | { code: "INVALID_INPUT"; field: string; message?: string | RegExp; asksSquare?: true }
  | { code: "NOT_FOUND"; message: string }
  /** The form's live duplicate check: input it cannot use finds nobody, and Square is not asked. */
  | { nothingFound: true };

export interface Case {
  op: Op;
  what: string;
  input: (w: World) => unknown;
  expected: Expected;
}

export const HUGE = "x".repeat(1_000_000);

type Mutation = [what: string, value: unknown];
const MISSING: Mutation = ["missing", undefined];
const TEXT: Mutation[] = [["a number", 42], ["an object", { toString: "x" }], ["a huge string", HUGE]];
const REQUIRED_TEXT = [MISSING, ...TEXT, ["empty", ""] as Mutation];
const UUID: Mutation[] = [MISSING, ["not a UUID", "attempt-1"], ["a number", 1], ["a huge string", HUGE]];
const CONSENT: Mutation[] = [MISSING, ["false", false], ['"true"', "true"], ["1", 1]];
const NOT_OBJECTS: Mutation[] = [["null", null], ["a string", "customerId=1"], ["a number", 7], ["an array", []]];

/** Sets a dotted path ("values.givenName", "lineItems.0.price") in a copy of the input; undefined deletes it. */
function withField(input: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  const keys = path.split(".");
  let at = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  if (value === undefined) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
  return copy;
}

/** One case per mutation of each field of an otherwise valid input; each must name that field. */
function fieldCases(op: Op, valid: (w: World) => unknown, fields: Record<string, Mutation[]>, field = (path: string) => path): Case[] {
  const cases: Case[] = NOT_OBJECTS.map(([what, value]) => ({ op, what: `input is ${what}`, input: () => value, expected: { code: "INVALID_INPUT", field: "form" } }));
  for (const [path, mutations] of Object.entries(fields))
    for (const [what, value] of mutations)
      cases.push({ op, what: `${path} ${what}`, input: (w) => withField(valid(w), path, value), expected: { code: "INVALID_INPUT", field: field(path) } });
  return cases;
}

const formField = (path: string) => path.replace(/^(values|original)\./, "");
const form = { givenName: "Mallory", familyName: "Hostile", emailAddress: "", phoneNumber: "", note: "" };
const FORM_FIELDS = { "values.givenName": TEXT, "values.emailAddress": TEXT, "values.note": TEXT, "values.country": [["a number", 1], ["three letters", "USA"]] as Mutation[] };

const createInput = () => ({ attemptId: randomUUID(), allowDuplicate: true, values: { ...form } });
const updateInput = (w: World) => ({ customerId: w.own.customerId, version: 0, original: { ...form }, values: { ...form, note: "changed" } });
const saveCardInput = (w: World) => ({ customerId: w.own.customerId, sourceId: "cnon:card-nonce-ok", postalCode: "94103", cardholderName: "", consent: true });
const chargeInput = (w: World) => ({ customerId: w.own.customerId, attemptId: randomUUID(), sourceId: w.own.cardId, amount: "1.00", note: "", lineItems: [{ name: "Tea", quantity: 1, price: "1.00" }] });
const orderInput = (w: World) => ({ customerId: w.own.customerId, attemptId: randomUUID(), lineItems: [{ name: "Tea", quantity: 1, price: "1.00" }], payWith: w.own.cardId, note: "" });

/** Amounts as a seller might type them, or a forged request might send them: money is integer cents. */
const AMOUNTS: [string, unknown, RegExp][] = [
  ["negative", "-5", /above zero/],
  ["zero", "0.00", /above zero/],
  ["exponent", "1e3", /as a number, like 12\.50/],
  ["three decimals", "12.345", /at most 2 decimal places/],
  ["NaN", "NaN", /as a number/],
  ["Infinity", "Infinity", /as a number/],
  ["hexadecimal", "0x10", /as a number/],
  ["beyond int64", "92233720368547758070", /The most you can charge at once is/],
  ["beyond the charge limit", "5000.01", /The most you can charge at once is \$5,000\.00/],
  ["two points", "1.2.3", /as a number/],
  ["blank", "   ", /Enter an amount/],
  ["a JSON number", 12.5, /Enter an amount/],
  ["a float number", 0.1 + 0.2, /Enter an amount/],
  ["null", null, /Enter an amount/],
];

const QUANTITIES: Mutation[] = [["zero", 0], ["negative", -1], ["fractional", 1.5], ["too many", 10_000], ["NaN", Number.NaN], ["true", true], ["text", "two"], ["huge", HUGE]];

export const CASES: Case[] = [
  ...fieldCases("createCustomer", createInput, { attemptId: UUID, allowDuplicate: [["a string", "yes"], ["a number", 1]], values: [MISSING, ["a string", "x"]], ...FORM_FIELDS }, formField),
  { op: "createCustomer", what: "no name, company, email or phone", input: () => ({ ...createInput(), values: { note: "only a note" } }), expected: { code: "INVALID_INPUT", field: "form", message: /at least a first name/ } },
  { op: "createCustomer", what: "a malformed email", input: () => ({ ...createInput(), values: { ...form, emailAddress: "ada@" } }), expected: { code: "INVALID_INPUT", field: "emailAddress", message: /valid email/ } },
  { op: "createCustomer", what: "a phone number that is not one", input: () => ({ ...createInput(), values: { ...form, phoneNumber: "12345" } }), expected: { code: "INVALID_INPUT", field: "phoneNumber", message: /real phone number/ } },
  { op: "createCustomer", what: "a birthday in the future", input: () => ({ ...createInput(), values: { ...form, birthday: "2999-01-01" } }), expected: { code: "INVALID_INPUT", field: "birthday", message: /YYYY-MM-DD/ } },
  { op: "createCustomer", what: "a birthday that does not exist", input: () => ({ ...createInput(), values: { ...form, birthday: "02-30" } }), expected: { code: "INVALID_INPUT", field: "birthday", message: /YYYY-MM-DD/ } },

  ...fieldCases("updateCustomer", updateInput, { customerId: REQUIRED_TEXT, version: [MISSING, ["negative", -1], ["fractional", 1.5], ["text", "3"], ["beyond int64", 2 ** 64], ["NaN", Number.NaN]], original: [MISSING], ...FORM_FIELDS }, formField),
  { op: "updateCustomer", what: "another seller's customer", input: (w) => ({ ...updateInput(w), customerId: w.victim.customerId }), expected: { code: "NOT_FOUND", message: "No such customer." } },

  { op: "findExistingCustomers", what: "input is null", input: () => null, expected: { nothingFound: true } },
  { op: "findExistingCustomers", what: "a huge email", input: () => ({ emailAddress: HUGE }), expected: { nothingFound: true } },
  { op: "findExistingCustomers", what: "a number for the phone", input: () => ({ phoneNumber: 2065550100 }), expected: { nothingFound: true } },
  { op: "findExistingCustomers", what: "half an email and a short phone", input: () => ({ emailAddress: "ada@", phoneNumber: "12" }), expected: { nothingFound: true } },

  ...fieldCases("saveCard", saveCardInput, { customerId: REQUIRED_TEXT, sourceId: [...REQUIRED_TEXT, ["a card number", "4111111111111111"], ["a card on file", "ccof:customer-card-id-ok"]], postalCode: TEXT, cardholderName: TEXT, consent: CONSENT }),
  { op: "saveCard", what: "another seller's customer", input: (w) => ({ ...saveCardInput(w), customerId: w.victim.customerId }), expected: { code: "NOT_FOUND", message: "No such customer." } },

  ...fieldCases("saveCardFromPayment", (w) => ({ customerId: w.own.customerId, paymentId: w.victim.paymentId, consent: true }), { customerId: REQUIRED_TEXT, paymentId: REQUIRED_TEXT, consent: CONSENT }),
  { op: "saveCardFromPayment", what: "another seller's payment", input: (w) => ({ customerId: w.own.customerId, paymentId: w.victim.paymentId, consent: true }), expected: { code: "NOT_FOUND", message: "That payment is not one of this customer's card payments whose card can be saved." } },

  ...fieldCases("disableCard", (w) => ({ customerId: w.own.customerId, cardId: w.own.cardId }), { customerId: REQUIRED_TEXT, cardId: REQUIRED_TEXT }),
  { op: "disableCard", what: "another seller's card", input: (w) => ({ customerId: w.own.customerId, cardId: w.victim.cardId }), expected: { code: "NOT_FOUND", message: "This customer has no such card on file." } },
  { op: "disableCard", what: "another customer's card (a forged customer id)", input: (w) => ({ customerId: w.own.otherCustomerId, cardId: w.own.cardId }), expected: { code: "NOT_FOUND", message: "This customer has no such card on file." } },
  { op: "disableCard", what: "another seller's customer and card", input: (w) => ({ customerId: w.victim.customerId, cardId: w.victim.cardId }), expected: { code: "NOT_FOUND", message: "No such customer." } },

  ...fieldCases("linkGiftCard", (w) => ({ customerId: w.own.customerId, gan: "7783 3200 0000 0001" }), { customerId: REQUIRED_TEXT, gan: [...REQUIRED_TEXT, ["punctuation", "7783;3200"], ["too short", "1234"]] }),
  { op: "linkGiftCard", what: "another seller's gift card number", input: (w) => ({ customerId: w.own.customerId, gan: w.victim.gan }), expected: { code: "INVALID_INPUT", field: "gan", message: /no gift card with that number/, asksSquare: true } },

  ...fieldCases("unlinkGiftCard", (w) => ({ customerId: w.own.customerId, giftCardId: w.own.giftCardId }), { customerId: REQUIRED_TEXT, giftCardId: REQUIRED_TEXT }),
  { op: "unlinkGiftCard", what: "another seller's gift card", input: (w) => ({ customerId: w.own.customerId, giftCardId: w.victim.giftCardId }), expected: { code: "NOT_FOUND", message: "This gift card is not on file for this customer." } },
  { op: "unlinkGiftCard", what: "another customer's gift card", input: (w) => ({ customerId: w.own.otherCustomerId, giftCardId: w.own.giftCardId }), expected: { code: "NOT_FOUND", message: "This gift card is not on file for this customer." } },

  ...fieldCases("chargeOnFile", chargeInput, {
    customerId: REQUIRED_TEXT,
    attemptId: UUID,
    sourceId: [...REQUIRED_TEXT, ["a card nonce", "cnon:card-nonce-ok"], ["a card number", "4111 1111 1111 1111"]],
    note: TEXT,
    lineItems: [["a string", "Tea"], ["51 items", Array.from({ length: 51 }, () => ({ name: "Tea", quantity: 1, price: "1.00" }))]],
    "lineItems.0.name": REQUIRED_TEXT,
    "lineItems.0.quantity": QUANTITIES,
  }),
  ...AMOUNTS.map(([what, amount, message]): Case => ({ op: "chargeOnFile", what: `amount ${what}`, input: (w) => ({ ...chargeInput(w), lineItems: [], amount }), expected: { code: "INVALID_INPUT", field: "amount", message } })),
  ...AMOUNTS.map(([what, price, message]): Case => ({ op: "chargeOnFile", what: `item price ${what}`, input: (w) => withField(chargeInput(w), "lineItems.0.price", price), expected: { code: "INVALID_INPUT", field: "lineItems.0.price", message } })),
  { op: "chargeOnFile", what: "an amount that is not the items' total (forged)", input: (w) => ({ ...chargeInput(w), amount: "0.01" }), expected: { code: "INVALID_INPUT", field: "amount", message: "The items add up to $1.00. Make the amount match them, or remove the items." } },
  { op: "chargeOnFile", what: "another seller's customer", input: (w) => ({ ...chargeInput(w), customerId: w.victim.customerId }), expected: { code: "NOT_FOUND", message: "No such customer." } },
  { op: "chargeOnFile", what: "another seller's card", input: (w) => ({ ...chargeInput(w), sourceId: w.victim.cardId }), expected: { code: "NOT_FOUND", message: "This customer has no such card on file." } },
  { op: "chargeOnFile", what: "another customer's card", input: (w) => ({ ...chargeInput(w), customerId: w.own.otherCustomerId }), expected: { code: "NOT_FOUND", message: "This customer has no such card on file." } },
  { op: "chargeOnFile", what: "another seller's gift card", input: (w) => ({ ...chargeInput(w), sourceId: w.victim.giftCardId }), expected: { code: "NOT_FOUND", message: "This gift card is not on file for this customer." } },

  ...fieldCases("createOrderForCustomer", orderInput, {
    customerId: REQUIRED_TEXT,
    attemptId: UUID,
    lineItems: [MISSING, ["empty", []], ["a string", "Tea"]],
    "lineItems.0.quantity": QUANTITIES,
    payWith: [["a card nonce", "cnon:card-nonce-ok"], ["a number", 4111111111111111]],
  }),
  ...AMOUNTS.filter(([what]) => what !== "beyond the charge limit").map(([what, price, message]): Case => ({ op: "createOrderForCustomer", what: `item price ${what}`, input: (w) => withField(orderInput(w), "lineItems.0.price", price), expected: { code: "INVALID_INPUT", field: "lineItems.0.price", message } })),
  { op: "createOrderForCustomer", what: "items beyond the charge limit, paid now", input: (w) => ({ ...orderInput(w), lineItems: [{ name: "Tea", quantity: 2, price: "4000" }] }), expected: { code: "INVALID_INPUT", field: "lineItems", message: /more than the most you can charge/ } },
  { op: "createOrderForCustomer", what: "another seller's customer", input: (w) => ({ ...orderInput(w), customerId: w.victim.customerId }), expected: { code: "NOT_FOUND", message: "No such customer." } },
  { op: "createOrderForCustomer", what: "another seller's card", input: (w) => ({ ...orderInput(w), payWith: w.victim.cardId }), expected: { code: "NOT_FOUND", message: "This customer has no such card on file." } },
];
