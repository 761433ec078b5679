import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/domain/tables";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";
import { CHARGE_DETAILS, createCard, key, mintToken, newCustomer, squareError, STORE_DETAILS, tokenize, VISA } from "./cards-fixtures";

let local: TestEmulator;
let seller: TestSeller;
beforeAll(async () => {
  local = await startTestEmulator();
  seller = await local.newSeller();
});
afterAll(() => local.stop());

const CHALLENGE = { ...VISA, number: "4310 0000 0020 1019" };
const FRICTIONLESS = { ...VISA, number: "4800 0000 0000 0004" };
const FAILS = { ...VISA, number: "4811 1100 0000 0008" };
const tokenRow = (token: string) => tables(local.emulator.ctx.store).paymentTokens.get(seller.merchantId, token)!;

async function verifyBuyer(source: string, details: unknown, code?: string) {
  const post = (path: string, body: unknown) =>
    fetch(`${local.url}/web-sdk/v1/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
      (res) => res.json() as Promise<{ challenge?: string; result?: { token: string; userChallenged: boolean }; error?: { type: string } }>,
    );
  const reply = await post("verify-buyer", { applicationId: seller.applicationId, locationId: seller.locationId, source, details });
  if (!reply.challenge) return reply;
  return post(`verify-buyer/challenges/${reply.challenge}`, code === undefined ? { cancel: true } : { code });
}

describe("SCA cards tokenized with verification details", () => {
  it.each([
    ["Visa EU", "4310 0000 0020 1019"],
    ["Mastercard", "5248 4800 0021 0026"],
    ["Mastercard EU", "5500 0000 0020 1016"],
    ["American Express EU", "3700 000002 01014"],
  ])("%s challenges; 123456 passes and the token records the verification", async (_name, number) => {
    const card = { ...VISA, number, cvv: number.startsWith("37") ? "1111" : "111" };
    const { challenged, result } = await tokenize(local, seller, card, { verificationDetails: CHARGE_DETAILS, code: "123456" });
    expect(challenged).toBe(true);
    expect(result.status).toBe("OK");
    const row = tokenRow((result as { token: string }).token);
    expect(row).toMatchObject({ verified: true, requiresVerification: true, intent: "CHARGE" });
    expect(row.verification).toMatchObject({ intent: "CHARGE", userChallenged: true, amount: "12.50", currencyCode: "USD" });
  });

  it("a wrong code or Cancel gives an Error result and mints nothing", async () => {
    const before = tables(local.emulator.ctx.store).paymentTokens.count(seller.merchantId);
    const wrong = await tokenize(local, seller, CHALLENGE, { verificationDetails: STORE_DETAILS, code: "000000" });
    expect(wrong.result).toMatchObject({ status: "Error", errors: [{ type: "VERIFICATION_FAILED" }] });
    const cancelled = await tokenize(local, seller, CHALLENGE, { verificationDetails: STORE_DETAILS });
    expect(cancelled.result).toMatchObject({ status: "Error", errors: [{ type: "VERIFICATION_CANCELED" }] });
    expect(tables(local.emulator.ctx.store).paymentTokens.count(seller.merchantId)).toBe(before);
  });

  it.each([
    ["Visa", "4800 0000 0000 0004"],
    ["Mastercard", "5222 2200 0000 0005"],
    ["Discover EU", "6011 0000 0020 1016"],
  ])("frictionless %s passes without a challenge", async (_name, number) => {
    const { challenged, result } = await tokenize(local, seller, { ...VISA, number }, { verificationDetails: STORE_DETAILS });
    expect(challenged).toBe(false);
    const row = tokenRow((result as { token: string }).token);
    expect(row).toMatchObject({ verified: true, verification: { intent: "STORE", userChallenged: false } });
  });

  it("4811 1100 0000 0008 fails verification", async () => {
    const { challenged, result } = await tokenize(local, seller, FAILS, { verificationDetails: CHARGE_DETAILS });
    expect(challenged).toBe(false);
    expect(result).toMatchObject({ status: "Error", errors: [{ type: "VERIFICATION_FAILED" }] });
  });

  it("refuses malformed verification details", async () => {
    const { result } = await tokenize(local, seller, VISA, { verificationDetails: { ...CHARGE_DETAILS, amount: 12.5 } });
    expect(result).toMatchObject({ status: "Error", errors: [{ type: "INVALID_VERIFICATION_DETAILS" }] });
  });
});

describe("Without verification details", () => {
  it("no card is challenged, and an SCA card's token cannot be stored unverified", async () => {
    const { challenged, result } = await tokenize(local, seller, CHALLENGE);
    expect(challenged).toBe(false);
    const token = (result as { token: string }).token;
    expect(tokenRow(token)).toMatchObject({ verified: false, requiresVerification: true });
    const err = await squareError(createCard(seller, token, { customerId: await newCustomer(seller) }));
    expect(err.errors[0]).toMatchObject({ category: "PAYMENT_METHOD_ERROR", code: "CARD_DECLINED_VERIFICATION_REQUIRED" });
    await expect(createCard(seller, await mintToken(local, seller, VISA), { customerId: await newCustomer(seller) })).resolves.toBeTruthy();
  });

  it("a verified SCA token stores", async () => {
    const token = await mintToken(local, seller, CHALLENGE, { verificationDetails: STORE_DETAILS, code: "123456" });
    await expect(createCard(seller, token, { customerId: await newCustomer(seller) })).resolves.toMatchObject({ enabled: true });
  });
});

describe("Charging SCA tokens (CreatePayment)", () => {
  const charge = (sourceId: string, verificationToken?: string) =>
    seller.client.payments.create({ idempotencyKey: key(), sourceId, amountMoney: { amount: 1250n, currency: "USD" }, ...(verificationToken ? { verificationToken } : {}) });

  it("refuses an unverified challenge card, and charges it once verified in the form or by verifyBuyer", async () => {
    const unverified = await mintToken(local, seller, CHALLENGE);
    const refused = await squareError(charge(unverified));
    expect(refused.errors[0]).toMatchObject({ code: "CARD_DECLINED_VERIFICATION_REQUIRED" });
    const verified = await mintToken(local, seller, CHALLENGE, { verificationDetails: CHARGE_DETAILS, code: "123456" });
    expect((await charge(verified)).payment?.status).toBe("COMPLETED");
    const legacy = await mintToken(local, seller, CHALLENGE);
    const { result } = await verifyBuyer(legacy, CHARGE_DETAILS, "123456");
    expect((await charge(legacy, result!.token)).payment?.status).toBe("COMPLETED");
  });
});

describe("Legacy payments.verifyBuyer()", () => {
  it("challenges an SCA token and returns a verf: token that CreateCard accepts as verification_token", async () => {
    const token = await mintToken(local, seller, CHALLENGE);
    const wrong = await verifyBuyer(token, STORE_DETAILS, "111111");
    expect(wrong.error).toMatchObject({ type: "VERIFICATION_FAILED" });
    const verified = await verifyBuyer(token, STORE_DETAILS, "123456");
    expect(verified.result).toEqual({ token: expect.stringMatching(/^verf:/), userChallenged: true });
    const customerId = await newCustomer(seller);
    const other = await verifyBuyer(await mintToken(local, seller, FRICTIONLESS), STORE_DETAILS);
    const mismatch = await squareError(createCard(seller, token, { customerId }, { verificationToken: other.result!.token }));
    expect(mismatch.errors[0]).toMatchObject({ code: "INVALID_VALUE", field: "verification_token" });
    const card = await createCard(seller, token, { customerId }, { verificationToken: verified.result!.token });
    expect(card.enabled).toBe(true);
  });

  it("verifies frictionless cards and ordinary cards without a challenge, and fails 4811", async () => {
    expect((await verifyBuyer(await mintToken(local, seller, FRICTIONLESS), CHARGE_DETAILS)).result).toMatchObject({ userChallenged: false });
    expect((await verifyBuyer(await mintToken(local, seller, VISA), CHARGE_DETAILS)).result).toMatchObject({ userChallenged: false });
    expect((await verifyBuyer(await mintToken(local, seller, FAILS), CHARGE_DETAILS)).error).toMatchObject({ type: "VERIFICATION_FAILED" });
  });

  it("challenges ccof:customer-card-id-requires-verification and stored challenge cards; unknown sources fail", async () => {
    const sandbox = await verifyBuyer("ccof:customer-card-id-requires-verification", CHARGE_DETAILS, "123456");
    expect(sandbox.result).toMatchObject({ userChallenged: true });
    const stored = await createCard(seller, await mintToken(local, seller, CHALLENGE, { verificationDetails: STORE_DETAILS, code: "123456" }), {
      customerId: await newCustomer(seller),
    });
    expect((await verifyBuyer(stored.id!, CHARGE_DETAILS, "123456")).result).toMatchObject({ userChallenged: true });
    expect((await verifyBuyer("ccof:missing", CHARGE_DETAILS)).error).toMatchObject({ type: "SOURCE_NOT_FOUND" });
    const unknownVerification = await squareError(
      createCard(seller, await mintToken(local, seller), { customerId: await newCustomer(seller) }, { verificationToken: "verf:nope" }),
    );
    expect(unknownVerification.statusCode).toBe(404);
  });
});
