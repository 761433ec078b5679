import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueVerificationToken } from "../../src/domain/cards-verification";
import { mintPaymentToken, SANDBOX_TOKENS } from "../../src/domain/payment-tokens";
import type { TestSeller } from "../harness";
import { failure, key, startMoneyEmulator, usd, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator();
});
afterAll(() => local.stop());

const pay = (seller: TestSeller, fields: Partial<Square.CreatePaymentRequest> = {}) =>
  seller.client.payments.create({ sourceId: "cnon:card-nonce-ok", idempotencyKey: key(), amountMoney: usd(1000), ...fields });

/** A card token as the Web Payments SDK stand-in mints it. */
const mint = (seller: TestSeller, extra: { requiresVerification?: boolean; verified?: boolean } = {}) =>
  mintPaymentToken(local.emulator.ctx, {
    merchantId: seller.merchantId,
    method: "card",
    card: SANDBOX_TOKENS["cnon:card-nonce-ok"].card,
    verified: extra.verified ?? false,
    requiresVerification: extra.requiresVerification ?? false,
  }).token;

describe("CreatePayment with a card token", () => {
  it("completes at once with Square's card details, receipt, risk and version token", async () => {
    const seller = await local.newSeller({ business_name: "Token Café" });
    const { payment } = await pay(seller, { tipMoney: usd(150), referenceId: "ref-1", note: "flat white", buyerEmailAddress: "ada@example.com" });
    expect(payment).toMatchObject({
      status: "COMPLETED",
      sourceType: "CARD",
      amountMoney: usd(1000),
      tipMoney: usd(150),
      totalMoney: usd(1150),
      approvedMoney: usd(1150),
      locationId: seller.locationId,
      referenceId: "ref-1",
      note: "flat white",
      buyerEmailAddress: "ada@example.com",
      delayAction: "CANCEL",
      delayDuration: "PT168H",
      riskEvaluation: { riskLevel: "NORMAL" },
      applicationDetails: { squareProduct: "ECOMMERCE_API", applicationId: seller.applicationId },
      cardDetails: {
        status: "CAPTURED",
        entryMethod: "KEYED",
        cvvStatus: "CVV_ACCEPTED",
        avsStatus: "AVS_ACCEPTED",
        card: { cardBrand: "VISA", last4: "5858", bin: "453275", cardType: "CREDIT", prepaidType: "NOT_PREPAID" },
      },
    });
    expect(payment!.id).toMatch(/^[A-Za-z0-9]{27,29}$/);
    expect(payment!.receiptNumber).toBe(payment!.id!.slice(0, 4));
    expect(payment!.receiptUrl).toBe(`https://squareupsandbox.com/receipt/preview/${payment!.id}`);
    expect(payment!.cardDetails!.card!.fingerprint).toMatch(/^sq-1-/);
    expect(payment!.cardDetails!.cardPaymentTimeline).toMatchObject({ authorizedAt: payment!.createdAt, capturedAt: payment!.createdAt });
    expect(payment!.cardDetails!.statementDescription).toBe("SQ *TOKEN CAFÉ");
    expect(payment!.versionToken).toBeTruthy();
    expect(payment!.orderId).toBeTruthy();
    expect((await seller.client.payments.get({ paymentId: payment!.id! })).payment?.id).toBe(payment!.id);
    const event = await local.waitForEvent((d) => d.type === "payment.created" && d.data.id === payment!.id, "payment.created");
    expect(event.data).toMatchObject({ type: "payment", object: { payment: { id: payment!.id, status: "COMPLETED", total_money: { amount: 1150 } } } });
  });

  it("simulates risk from the amount: 2222 → MODERATE, 3333 → HIGH", async () => {
    const seller = await local.newSeller();
    expect((await pay(seller, { amountMoney: usd(2222) })).payment?.riskEvaluation?.riskLevel).toBe("MODERATE");
    expect((await pay(seller, { amountMoney: usd(3333) })).payment?.riskEvaluation?.riskLevel).toBe("HIGH");
  });

  it.each([
    ["cnon:card-nonce-declined", "GENERIC_DECLINE", "PAYMENT_METHOD_ERROR", {}],
    ["cnon:card-nonce-rejected-cvv", "CVV_FAILURE", "PAYMENT_METHOD_ERROR", { cvv_status: "CVV_REJECTED" }],
    ["cnon:card-nonce-rejected-postalcode", "ADDRESS_VERIFICATION_FAILURE", "PAYMENT_METHOD_ERROR", { avs_status: "AVS_REJECTED" }],
    ["cnon:card-nonce-rejected-expiration", "INVALID_EXPIRATION", "INVALID_REQUEST_ERROR", {}],
  ])("%s is declined with %s and a FAILED payment", async (sourceId, code, category, details) => {
    const seller = await local.newSeller();
    const request = { sourceId, idempotencyKey: key(), amountMoney: usd(1000) };
    const err = await failure(seller.client.payments.create(request));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ code, category });
    const body = err.body as { payment: Record<string, any> };
    expect(body.payment).toMatchObject({ status: "FAILED", card_details: { status: "FAILED", ...details, errors: [{ code }] } });
    expect(body.payment.receipt_number).toBeUndefined();
    const replay = await failure(seller.client.payments.create(request));
    expect((replay.body as { payment: { id: string } }).payment.id).toBe(body.payment.id);
    expect((await seller.client.payments.get({ paymentId: body.payment.id })).payment?.status).toBe("FAILED");
  });

  it("keeps the order and customer a declined payment was made for, on the FAILED payment and in ListPayments", async () => {
    const seller = await local.newSeller();
    const customerId = (await seller.client.customers.create({ idempotencyKey: key(), givenName: "Declined" })).customer!.id!;
    const order = (await seller.client.orders.create({ idempotencyKey: key(), order: { locationId: seller.locationId, lineItems: [{ name: "Tea", quantity: "1", basePriceMoney: usd(1000) }] } })).order!;
    const err = await failure(pay(seller, { sourceId: "cnon:card-nonce-declined", orderId: order.id, customerId }));
    const failed = (err.body as { payment: Record<string, any> }).payment;
    expect(failed).toMatchObject({ status: "FAILED", order_id: order.id, customer_id: customerId });
    expect((await seller.client.payments.get({ paymentId: failed.id })).payment).toMatchObject({ status: "FAILED", orderId: order.id, customerId });
    const listed = (await seller.client.payments.list()).data.find((p) => p.id === failed.id);
    expect(listed).toMatchObject({ status: "FAILED", orderId: order.id, customerId });
    // The decline paid nothing: the order is still open and owes the full amount, with no tender.
    const after = (await seller.client.orders.get({ orderId: order.id! })).order!;
    expect(after).toMatchObject({ state: "OPEN", netAmountDueMoney: usd(1000) });
    expect(after.tenders).toBeUndefined();
  });

  it("uses a minted token once; used, expired and unknown tokens are refused", async () => {
    const seller = await local.newSeller();
    const token = mint(seller);
    await pay(seller, { sourceId: token });
    expect((await failure(pay(seller, { sourceId: token }))).errors[0]).toMatchObject({ code: "CARD_TOKEN_USED", field: "source_id" });
    expect((await failure(pay(seller, { sourceId: "cnon:card-nonce-already-used" }))).errors[0].code).toBe("CARD_TOKEN_USED");
    const stale = mint(seller);
    local.emulator.ctx.clock.advance(local.emulator.ctx.config.cardNonceTtlSeconds * 1000 + 1);
    expect((await failure(pay(seller, { sourceId: stale }))).errors[0].code).toBe("CARD_TOKEN_EXPIRED");
    const unknown = await failure(pay(seller, { sourceId: "cnon:never-minted" }));
    expect(unknown.statusCode).toBe(404);
    const other = await local.newSeller();
    expect((await failure(pay(other, { sourceId: mint(seller) }))).statusCode).toBe(404);
  });

  it("keeps a token when the request itself is wrong", async () => {
    const seller = await local.newSeller();
    const token = mint(seller);
    await failure(pay(seller, { sourceId: token, amountMoney: { amount: 100n, currency: "EUR" } }));
    expect((await pay(seller, { sourceId: token })).payment?.status).toBe("COMPLETED");
  });

  it("refuses an SCA card that was not verified, unless tokenized verified or sent with a verification_token", async () => {
    const seller = await local.newSeller();
    const err = await failure(pay(seller, { sourceId: mint(seller, { requiresVerification: true }) }));
    expect(err.errors[0]).toMatchObject({ code: "CARD_DECLINED_VERIFICATION_REQUIRED", category: "PAYMENT_METHOD_ERROR" });
    expect((err.body as { payment: { status: string } }).payment.status).toBe("FAILED");
    expect((await pay(seller, { sourceId: mint(seller, { requiresVerification: true, verified: true }) })).payment?.status).toBe("COMPLETED");
    const token = mint(seller, { requiresVerification: true });
    const verification = issueVerificationToken(local.emulator.ctx, seller.merchantId, token, { intent: "CHARGE", userChallenged: true, verifiedAt: new Date().toISOString() });
    expect((await pay(seller, { sourceId: token, verificationToken: verification.token })).payment?.status).toBe("COMPLETED");
    const bogus = await failure(pay(seller, { sourceId: mint(seller, { requiresVerification: true }), verificationToken: "verf:nope" }));
    expect(bogus.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "verification_token" });
  });

  it("validates amounts, currency, location, keys and buyer details", async () => {
    const seller = await local.newSeller();
    const cases: [Partial<Square.CreatePaymentRequest>, string, string][] = [
      [{ amountMoney: usd(0) }, "VALUE_TOO_LOW", "amount_money.amount"],
      [{ amountMoney: { amount: 100n, currency: "EUR" } }, "CURRENCY_MISMATCH", "amount_money.currency"],
      [{ amountMoney: undefined }, "MISSING_REQUIRED_PARAMETER", "amount_money"],
      [{ tipMoney: usd(-1) }, "VALUE_TOO_LOW", "tip_money.amount"],
      [{ idempotencyKey: "k".repeat(46) }, "VALUE_TOO_LONG", "idempotency_key"],
      [{ referenceId: "r".repeat(41) }, "VALUE_TOO_LONG", "reference_id"],
      [{ buyerEmailAddress: "not-an-email" }, "INVALID_EMAIL_ADDRESS", "buyer_email_address"],
      [{ buyerPhoneNumber: "call me" }, "INVALID_PHONE_NUMBER", "buyer_phone_number"],
      [{ delayDuration: "PT1H" }, "CONFLICTING_PARAMETERS", "delay_duration"],
      [{ autocomplete: false, delayDuration: "PT10S" }, "VALUE_TOO_LOW", "delay_duration"],
      [{ cashDetails: { buyerSuppliedMoney: usd(1000) } }, "CONFLICTING_PARAMETERS", "cash_details"],
    ];
    for (const [fields, code, field] of cases) expect((await failure(pay(seller, fields))).errors[0], code).toMatchObject({ code, field });
    const nowhere = await failure(pay(seller, { locationId: "NOWHERE" }));
    expect(nowhere.statusCode).toBe(404);
    const stranger = await failure(pay(seller, { customerId: "NOSUCHCUSTOMER" }));
    expect(stranger.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "customer_id" });
    const readOnly = await local.newSeller({ scopes: ["PAYMENTS_READ"] });
    expect((await failure(pay(readOnly))).statusCode).toBe(403);
  });

  it("replays the same key and body without charging twice; a different body is IDEMPOTENCY_KEY_REUSED", async () => {
    const seller = await local.newSeller();
    const request = { sourceId: "cnon:gift-card-nonce-ok", idempotencyKey: key(), amountMoney: usd(700) };
    const first = await seller.client.payments.create(request);
    const again = await seller.client.payments.create(request);
    expect(again.payment).toEqual(first.payment);
    const { giftCard } = await seller.client.giftCards.getFromGan({ gan: "7783320000000000" });
    expect(giftCard?.balanceMoney).toEqual(usd(50_000 - 700));
    expect((await seller.client.payments.list()).data).toHaveLength(1);
    const changed = await failure(seller.client.payments.create({ ...request, amountMoney: usd(701) }));
    expect(changed.errors[0]).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotency_key" });
  });
});
