import { randomUUID } from "node:crypto";
import { HUGE, type ActionAttempt, type BadInputCase } from "./types";
import type { World } from "./world";

// Every server action, called over HTTP the way React calls it, with what a forged or broken page
// could send. Each attempt names the error it must get.

const invalid = (field: string, says?: RegExp) => ({ code: "INVALID_INPUT", field, says });
const notFound = (says: RegExp) => ({ code: "NOT_FOUND", says });
const action = (attempts: (w: World) => ActionAttempt[]): BadInputCase => ({ kind: "action", attempts });
const CARD_NUMBER = "4111 1111 1111 1111";

const form = { givenName: "Mallory", familyName: "Hostile" };
const charge = (w: World, extra: Record<string, unknown> = {}) => [{ customerId: w.customerId, attemptId: randomUUID(), sourceId: w.cardId, amount: "1.00", ...extra }];
const linkForm = (w: World, extra: Record<string, unknown> = {}) => ({ title: "Hostile", locationId: w.seller.locationId, pricing: "items", lineItems: [{ name: "Tea", quantity: 1, unitPrice: "1.00" }], ...extra });
const pay = (w: World, extra: Record<string, unknown> = {}) => [{ linkId: w.links.open, attemptId: randomUUID(), sourceId: "cnon:card-nonce-ok", email: "ada@example.com", amount: 500, ...extra }];

export const ACTION_CASES: Record<string, BadInputCase> = {
  "action lib/actions/customers.ts#createCustomerAction": action(() => [
    { what: "no arguments", args: [], expected: invalid("form", /could not be read/) },
    { what: "a forged attempt id", args: [{ attemptId: "1", values: form }], expected: invalid("attemptId", /Reload the page/) },
    { what: "a huge first name", args: [{ attemptId: randomUUID(), values: { givenName: HUGE } }], expected: invalid("givenName", /at most 300 characters/) },
    { what: "a number for the email", args: [{ attemptId: randomUUID(), values: { ...form, emailAddress: 7 } }], expected: invalid("emailAddress", /Must be text/) },
  ]),
  "action lib/actions/customers.ts#updateCustomerAction": action((w) => [
    { what: "another seller's customer", args: [{ customerId: w.victim.customerId, version: 0, original: form, values: { ...form, note: "x" } }], expected: notFound(/No such customer/) },
    { what: "a forged version", args: [{ customerId: w.customerId, version: "1", original: form, values: form }], expected: invalid("version", /Reload the page/) },
    { what: "values as a string", args: [{ customerId: w.customerId, version: 0, original: form, values: "givenName=Eve" }], expected: invalid("values", /could not be read/) },
  ]),
  "action lib/actions/customers.ts#findExistingCustomersAction": action(() => [
    // The form's live duplicate check: input it cannot use finds nobody rather than failing as the seller types.
    { what: "a number for the email", args: [{ emailAddress: 7 }], expected: { ok: true, says: /"data":\[\]/ } },
    { what: "a huge phone", args: [{ phoneNumber: HUGE }], expected: { ok: true, says: /"data":\[\]/ } },
  ]),
  "action lib/actions/cards.ts#saveCardAction": action((w) => [
    { what: "a card number instead of a token", args: [{ customerId: w.customerId, sourceId: CARD_NUMBER, consent: true }], expected: invalid("sourceId", /Enter the card again/) },
    { what: "consent as a string", args: [{ customerId: w.customerId, sourceId: "cnon:card-nonce-ok", consent: "true" }], expected: invalid("consent", /Tick the box/) },
    { what: "another seller's customer", args: [{ customerId: w.victim.customerId, sourceId: "cnon:card-nonce-ok", consent: true }], expected: notFound(/No such customer/) },
  ]),
  "action lib/actions/cards.ts#saveCardFromPaymentAction": action((w) => [
    { what: "a number for the payment", args: [{ customerId: w.customerId, paymentId: 7, consent: true }], expected: invalid("paymentId", /Choose a payment/) },
    { what: "a payment that is not the customer's", args: [{ customerId: w.customerId, paymentId: "FORGED_PAYMENT", consent: true }], expected: notFound(/not one of this customer's card payments/) },
  ]),
  "action lib/actions/cards.ts#disableCardAction": action((w) => [
    { what: "another seller's card", args: [{ customerId: w.customerId, cardId: w.victim.cardId }], expected: notFound(/no such card on file/) },
    { what: "another customer's card", args: [{ customerId: w.otherCustomerId, cardId: w.cardId }], expected: notFound(/no such card on file/) },
    { what: "a huge card id", args: [{ customerId: w.customerId, cardId: HUGE }], expected: invalid("cardId", /Unknown card/) },
  ]),
  "action lib/actions/gift-cards.ts#linkGiftCardAction": action((w) => [
    { what: "punctuation in the number", args: [{ customerId: w.customerId, gan: "7783';--" }], expected: invalid("gan", /8 to 20 letters and digits/) },
    { what: "another seller's customer", args: [{ customerId: w.victim.customerId, gan: "7783320000000000" }], expected: notFound(/No such customer/) },
  ]),
  "action lib/actions/gift-cards.ts#unlinkGiftCardAction": action((w) => [
    { what: "an empty gift card id", args: [{ customerId: w.customerId, giftCardId: "" }], expected: invalid("giftCardId", /Choose a gift card/) },
    { what: "a gift card not on file", args: [{ customerId: w.customerId, giftCardId: "gftc:forged" }], expected: notFound(/not on file for this customer/) },
  ]),
  "action lib/actions/charges.ts#chargeOnFileAction": action((w) => [
    { what: "an amount with an exponent", args: charge(w, { amount: "1e3" }), expected: invalid("amount", /as a number/) },
    { what: "a negative amount", args: charge(w, { amount: "-5" }), expected: invalid("amount", /above zero/) },
    { what: "fractions of a cent", args: charge(w, { amount: "12.345" }), expected: invalid("amount", /at most 2 decimal places/) },
    { what: "an amount beyond int64", args: charge(w, { amount: "92233720368547758070" }), expected: invalid("amount", /The most you can charge/) },
    { what: "an amount as a float", args: charge(w, { amount: 0.1 + 0.2 }), expected: invalid("amount", /Enter an amount/) },
    { what: "a card number as the source", args: charge(w, { sourceId: CARD_NUMBER }), expected: invalid("sourceId", /Choose a card or gift card/) },
    { what: "a quantity of true", args: charge(w, { lineItems: [{ name: "Tea", quantity: true, price: "1.00" }] }), expected: invalid("lineItems.0.quantity", /whole quantity/) },
    { what: "another seller's card", args: charge(w, { sourceId: w.victim.cardId }), expected: notFound(/no such card on file/) },
  ]),
  "action lib/actions/orders.ts#createCustomerOrderAction": action((w) => [
    { what: "no items", args: [{ customerId: w.customerId, attemptId: randomUUID(), lineItems: [] }], expected: invalid("lineItems", /at least one item/) },
    { what: "a price of NaN", args: [{ customerId: w.customerId, attemptId: randomUUID(), lineItems: [{ name: "Tea", quantity: 1, price: "NaN" }] }], expected: invalid("lineItems.0.price", /as a number/) },
    { what: "another seller's customer", args: [{ customerId: w.victim.customerId, attemptId: randomUUID(), lineItems: [{ name: "Tea", quantity: 1, price: "1.00" }] }], expected: notFound(/No such customer/) },
  ]),
  "action lib/actions/checkout.ts#payCheckoutAction": action((w) => [
    { what: "no arguments", args: [], expected: invalid("form", /could not be read/) },
    { what: "a card number instead of a token", args: pay(w, { sourceId: CARD_NUMBER }), expected: invalid("sourceId", /card numbers are never sent/) },
    { what: "an amount as a string", args: pay(w, { amount: "1e3" }), expected: invalid("amount", /Enter an amount/) },
    { what: "fractions of a cent", args: pay(w, { amount: 500.5 }), expected: invalid("amount", /whole cents/) },
    { what: "an amount beyond the link's maximum", args: pay(w, { amount: 2 ** 53 - 1 }), expected: invalid("amount", /between 1\.00 and 200\.00/) },
    { what: "another seller's link id, forged", args: pay(w, { linkId: w.victim.merchantId }), expected: notFound(/does not exist/) },
  ]),
  "action lib/actions/checkout-links.ts#createCheckoutLinkAction": action((w) => [
    { what: "another seller's location (a forged hidden field)", args: [linkForm(w, { locationId: w.victim.locationId })], expected: invalid("locationId", /one of your active locations/) },
    { what: "an empty title", args: [linkForm(w, { title: "" })], expected: invalid("title", /Enter a title/) },
    { what: "a price with an exponent", args: [linkForm(w, { lineItems: [{ name: "Tea", quantity: 1, unitPrice: "1e3" }] })], expected: invalid("lineItems.0.unitPrice", /price like 4\.50/) },
    { what: "a quantity of true", args: [linkForm(w, { lineItems: [{ name: "Tea", quantity: true, unitPrice: "1.00" }] })], expected: invalid("lineItems.0.quantity", /whole number/) },
    { what: "an open amount whose maximum is below its minimum", args: [linkForm(w, { pricing: "open", lineItems: [], openMin: "50", openMax: "5" })], expected: invalid("openMax", /must not be below the smallest/) },
    { what: "a string for the save-card switch", args: [linkForm(w, { offerSaveCard: "yes" })], expected: invalid("offerSaveCard", /on or off/) },
  ]),
  "action lib/actions/checkout-links.ts#updateCheckoutLinkAction": action((w) => [
    { what: "another seller's link", args: [w.victim.linkId, linkForm(w)], expected: notFound(/does not exist/) },
    { what: "a number for the link", args: [7, linkForm(w)], expected: notFound(/does not exist/) },
    { what: "a huge title", args: [w.links.fixed, linkForm(w, { title: HUGE })], expected: invalid("title", /at most 100 characters/) },
  ]),
  "action lib/actions/checkout-links.ts#setCheckoutLinkActiveAction": action((w) => [
    { what: "active as a string", args: [w.links.fixed, "false"], expected: invalid("active", /true or false/) },
    { what: "another seller's link", args: [w.victim.linkId, false], expected: notFound(/does not exist/) },
  ]),
  "action lib/actions/checkout-links.ts#deleteCheckoutLinkAction": action((w) => [
    { what: "an object for the link", args: [{ id: w.links.fixed }], expected: notFound(/does not exist/) },
    { what: "another seller's link", args: [w.victim.linkId], expected: notFound(/does not exist/) },
  ]),
  "action lib/actions/sync.ts#refreshCustomerAction": action((w) => [
    { what: "a number for the customer", args: [7], expected: invalid("customerId", /A customer id is needed/) },
    { what: "a huge customer id", args: [HUGE], expected: invalid("customerId", /A customer id is needed/) },
    { what: "another seller's customer", args: [w.victim.customerId], expected: notFound(/No such customer/) },
  ]),
  "action lib/actions/sync.ts#resyncAction": { kind: "action", noInput: "acts on the signed-in seller; whatever it is sent is ignored", attempts: () => [] },
  "action lib/actions/settings.ts#disconnectSquareAction": { kind: "action", noInput: "acts on the signed-in seller; whatever it is sent is ignored", attempts: () => [] },
};
