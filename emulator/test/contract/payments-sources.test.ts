import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprintOf } from "../../src/domain/cards-numbers";
import { decline, mintPaymentToken, SANDBOX_TOKENS } from "../../src/domain/payment-tokens";
import type { TestSeller } from "../harness";
import { failure, key, startMoneyEmulator, usd, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator();
});
afterAll(() => local.stop());

const pay = (seller: TestSeller, fields: Partial<Square.CreatePaymentRequest>) =>
  seller.client.payments.create({ sourceId: "cnon:card-nonce-ok", idempotencyKey: key(), amountMoney: usd(1000), ...fields });
const newCustomer = async (seller: TestSeller, email = `${key()}@example.com`) =>
  (await seller.client.customers.create({ idempotencyKey: key(), givenName: "Buyer", emailAddress: email })).customer!;

async function activeGiftCard(seller: TestSeller, balance: number) {
  const { giftCard } = await seller.client.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL" } });
  await seller.client.giftCards.activities.create({
    idempotencyKey: key(),
    giftCardActivity: { type: "ACTIVATE", locationId: seller.locationId, giftCardId: giftCard!.id, activateActivityDetails: { amountMoney: usd(balance), buyerPaymentInstrumentIds: ["x"] } },
  });
  return giftCard!;
}

describe("CreatePayment with a card on file", () => {
  it("charges Square's sandbox ccof: values for any customer, with their documented outcomes", async () => {
    const seller = await local.newSeller();
    const customer = await newCustomer(seller);
    const { payment } = await pay(seller, { sourceId: "ccof:customer-card-id-ok", customerId: customer.id });
    expect(payment).toMatchObject({ status: "COMPLETED", customerId: customer.id, cardDetails: { entryMethod: "ON_FILE", cvvStatus: "CVV_NOT_CHECKED", avsStatus: "AVS_NOT_CHECKED", status: "CAPTURED" } });
    expect((await pay(seller, { sourceId: "ccof:customer-card-id-mastercard-ok", customerId: customer.id })).payment?.cardDetails?.card?.cardBrand).toBe("MASTERCARD");
    expect((await failure(pay(seller, { sourceId: "ccof:customer-card-id-ok" }))).errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER", field: "customer_id" });
    const declined = await failure(pay(seller, { sourceId: "ccof:customer-card-id-declined", customerId: customer.id }));
    expect(declined.errors[0].code).toBe("GENERIC_DECLINE");
    expect((declined.body as { payment: { status: string } }).payment.status).toBe("FAILED");
    const unverified = await failure(pay(seller, { sourceId: "ccof:customer-card-id-requires-verification", customerId: customer.id }));
    expect(unverified.errors[0].code).toBe("CARD_DECLINED_VERIFICATION_REQUIRED");
    expect((await failure(pay(seller, { sourceId: "ccof:customer-card-id-rejected-postalcode", customerId: customer.id }))).errors[0].code).toBe("ADDRESS_VERIFICATION_FAILURE");
  });

  it("charges a stored card only for its own customer and only while enabled", async () => {
    const seller = await local.newSeller();
    const owner = await newCustomer(seller);
    const stranger = await newCustomer(seller);
    const { card } = await seller.client.cards.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", card: { customerId: owner.id! } });
    const { payment } = await pay(seller, { sourceId: card!.id!, customerId: owner.id });
    expect(payment?.cardDetails).toMatchObject({ entryMethod: "ON_FILE", card: { last4: card!.last4, fingerprint: card!.fingerprint } });
    const wrong = await failure(pay(seller, { sourceId: card!.id!, customerId: stranger.id }));
    expect(wrong.statusCode).toBe(404);
    expect(wrong.errors[0]).toMatchObject({ code: "NOT_FOUND", detail: "Card on file not found." });
    await seller.client.cards.disable({ cardId: card!.id! });
    const disabled = await failure(pay(seller, { sourceId: card!.id!, customerId: owner.id }));
    expect(disabled.errors[0]).toMatchObject({ code: "INVALID_CARD", category: "PAYMENT_METHOD_ERROR" });
    expect((await failure(pay(seller, { sourceId: "ccof:doesnotexist", customerId: owner.id }))).errors[0].code).toBe("NOT_FOUND");
  });

  it("declines a stored test card that declines when charged (4000 0000 0000 0002)", async () => {
    const seller = await local.newSeller();
    const owner = await newCustomer(seller);
    const token = mintPaymentToken(local.emulator.ctx, {
      merchantId: seller.merchantId,
      method: "card",
      card: { ...SANDBOX_TOKENS["cnon:card-nonce-ok"].card!, last4: "0002", bin: "400000", fingerprint: fingerprintOf("4000000000000002") },
      outcome: decline("GENERIC_DECLINE", ""),
      verified: false,
      requiresVerification: false,
    }).token;
    const { card } = await seller.client.cards.create({ idempotencyKey: key(), sourceId: token, card: { customerId: owner.id! } });
    const declined = await failure(pay(seller, { sourceId: card!.id!, customerId: owner.id }));
    expect(declined.errors[0]).toMatchObject({ code: "GENERIC_DECLINE", category: "PAYMENT_METHOD_ERROR" });
  });
});

describe("CreatePayment with a gift card", () => {
  it("redeems the sandbox gift card token with a REDEEM activity carrying the payment id", async () => {
    const seller = await local.newSeller();
    const { payment } = await pay(seller, { sourceId: "cnon:gift-card-nonce-ok", amountMoney: usd(1200), tipMoney: usd(100) });
    expect(payment).toMatchObject({ status: "COMPLETED", sourceType: "CARD", cardDetails: { entryMethod: "KEYED", card: { cardBrand: "SQUARE_GIFT_CARD", last4: "0000" } } });
    const { giftCard } = await seller.client.giftCards.getFromGan({ gan: "7783320000000000" });
    expect(giftCard?.balanceMoney).toEqual(usd(50_000 - 1300));
    const redeems = (await seller.client.giftCards.activities.list({ giftCardId: giftCard!.id, type: "REDEEM" })).data;
    expect(redeems[0].redeemActivityDetails).toMatchObject({ amountMoney: usd(1300), paymentId: payment!.id, status: "COMPLETED" });
    expect((await failure(pay(seller, { sourceId: "cnon:gift-card-nonce-insufficient-funds" }))).errors[0]).toMatchObject({ code: "INSUFFICIENT_FUNDS", category: "PAYMENT_METHOD_ERROR" });
    expect((await failure(pay(seller, { sourceId: "cnon:gift-card-nonce-insufficient-permission" }))).errors[0].code).toBe("INSUFFICIENT_PERMISSIONS");
  });

  it("charges a linked gift card on file and refuses more than its balance", async () => {
    const seller = await local.newSeller();
    const customer = await newCustomer(seller);
    const card = await activeGiftCard(seller, 2000);
    const unlinked = await failure(pay(seller, { sourceId: card.id!, customerId: customer.id, amountMoney: usd(500) }));
    expect(unlinked.errors[0]).toMatchObject({ code: "NOT_FOUND", detail: "Gift card on file not found." });
    await seller.client.giftCards.linkCustomer({ giftCardId: card.id!, customerId: customer.id! });
    const { payment } = await pay(seller, { sourceId: card.id!, customerId: customer.id, amountMoney: usd(500) });
    expect(payment?.cardDetails).toMatchObject({ entryMethod: "ON_FILE", card: { cardBrand: "SQUARE_GIFT_CARD" } });
    const broke = await failure(pay(seller, { sourceId: card.id!, customerId: customer.id, amountMoney: usd(1501) }));
    expect(broke.errors[0].code).toBe("INSUFFICIENT_FUNDS");
    expect((broke.body as { payment: { status: string } }).payment.status).toBe("FAILED");
    expect((await seller.client.giftCards.get({ id: card.id! })).giftCard?.balanceMoney).toEqual(usd(1500));
    expect((await failure(pay(seller, { sourceId: card.id!, amountMoney: usd(1) }))).errors[0].field).toBe("customer_id");
  });

  it("holds a delayed-capture amount with a PENDING redemption, then completes or gives it back", async () => {
    const seller = await local.newSeller();
    const customer = await newCustomer(seller);
    const card = await activeGiftCard(seller, 3000);
    await seller.client.giftCards.linkCustomer({ giftCardId: card.id!, customerId: customer.id! });
    const held = (await pay(seller, { sourceId: card.id!, customerId: customer.id, amountMoney: usd(1000), autocomplete: false })).payment!;
    expect(held.status).toBe("APPROVED");
    const balance = async () => (await seller.client.giftCards.get({ id: card.id! })).giftCard?.balanceMoney;
    const redeemOf = async (paymentId: string) =>
      (await seller.client.giftCards.activities.list({ giftCardId: card.id, type: "REDEEM" })).data.find((a) => a.redeemActivityDetails?.paymentId === paymentId)!;
    expect(await balance()).toEqual(usd(2000));
    expect((await redeemOf(held.id!)).redeemActivityDetails?.status).toBe("PENDING");
    await seller.client.payments.complete({ paymentId: held.id! });
    expect((await redeemOf(held.id!)).redeemActivityDetails?.status).toBe("COMPLETED");

    const voided = (await pay(seller, { sourceId: card.id!, customerId: customer.id, amountMoney: usd(500), autocomplete: false })).payment!;
    expect(await balance()).toEqual(usd(1500));
    await seller.client.payments.cancel({ paymentId: voided.id! });
    expect(await balance()).toEqual(usd(2000));
    expect((await redeemOf(voided.id!)).redeemActivityDetails?.status).toBe("CANCELED");
    await local.waitForEvent((d) => d.type === "gift_card.activity.updated" && d.data.object.gift_card_activity?.redeem_activity_details?.status === "CANCELED", "activity.updated");
  });
});

describe("CreatePayment with CASH and EXTERNAL", () => {
  it("records cash with the change Square computes", async () => {
    const seller = await local.newSeller();
    const { payment } = await pay(seller, { sourceId: "CASH", amountMoney: usd(850), tipMoney: usd(50), cashDetails: { buyerSuppliedMoney: usd(1000) } });
    expect(payment).toMatchObject({ status: "COMPLETED", sourceType: "CASH", totalMoney: usd(900), cashDetails: { buyerSuppliedMoney: usd(1000), changeBackMoney: usd(100) } });
    expect(payment?.cardDetails).toBeUndefined();
    const short = await failure(pay(seller, { sourceId: "CASH", cashDetails: { buyerSuppliedMoney: usd(999) } }));
    expect(short.errors[0]).toMatchObject({ code: "VALUE_TOO_LOW", field: "cash_details.buyer_supplied_money.amount" });
    expect((await failure(pay(seller, { sourceId: "CASH" }))).errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER", field: "cash_details" });
  });

  it("records external payments with their details", async () => {
    const seller = await local.newSeller();
    const externalDetails = { type: "CHECK", source: "Front desk", sourceId: "check-1042" };
    const { payment } = await pay(seller, { sourceId: "EXTERNAL", externalDetails });
    expect(payment).toMatchObject({ status: "COMPLETED", sourceType: "EXTERNAL", externalDetails });
    expect((await failure(pay(seller, { sourceId: "EXTERNAL" }))).errors[0].field).toBe("external_details");
  });
});
