import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mintToken, startTestEmulator, VISA, type TestEmulator } from "@/test/local-square";
import { listCardConsents } from "@/lib/db/queries/card-consents";
import { describeEachDatabase } from "@/test/databases";
import { testSquareConfig } from "@/test/square";
import { chargeOnFile } from "./charge-on-file";
import { createCustomer } from "./create-customer";
import { saveCard } from "./save-card";
import { mirroredCustomer, newAttempt, opsSeller, type OpsSeller } from "./test-support/ops-seller";
import { updateCustomer } from "./update-customer";
import { CustomerFormSchema } from "@/lib/validations/customers";

// The dashboard's writes to Square when Square fails: each failure is a plain, retryable message,
// and retrying (as the seller would, from the same form) never makes a second profile, card or charge,
// even when the first try did reach Square and only its answer was lost (`after_handler`).

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const UNAVAILABLE = { ok: false, code: "SQUARE_UNAVAILABLE", message: "Square could not be reached. Try again shortly." };

describeEachDatabase("customer actions under Square faults", ({ db }) => {
  const seller = async (overrides: Parameters<typeof testSquareConfig>[1] = {}) => opsSeller(db(), await local.newSeller(), testSquareConfig(local, overrides));
  const faults = async (s: OpsSeller, settings: object) => expect((await local.admin("/_emulator/faults", settings, s.square.accessToken)).status).toBe(200);
  const lostAnswer = (route: string) => ({ error_rate: 1, after_handler: true, routes: [route], times: 1 });
  const form = (values: Record<string, string>) => CustomerFormSchema.parse(values);
  const storeToken = (s: OpsSeller) =>
    mintToken(local, s.square, VISA, { verificationDetails: { intent: "STORE", billingContact: { givenName: "Ada" }, customerInitiated: false, sellerKeyedIn: true } });

  it("new customer: a 5xx says try again and the retry creates it; a lost answer is replayed by the same form, never a second profile", async () => {
    const s = await seller();
    const attemptId = newAttempt();
    await faults(s, { error_rate: 1, error_status: 503, routes: ["POST /v2/customers"], times: 1 });
    const values = form({ givenName: "Marie", familyName: "Curie" });
    expect(await createCustomer(s.ctx, { attemptId, values })).toMatchObject(UNAVAILABLE);
    const created = await createCustomer(s.ctx, { attemptId, values });
    expect(created).toMatchObject({ ok: true, data: { customerId: expect.any(String) } });

    const lost = { attemptId: newAttempt(), values: form({ givenName: "Pierre", emailAddress: `pierre.${randomUUID().slice(0, 6)}@example.com` }) };
    await faults(s, lostAnswer("POST /v2/customers"));
    expect(await createCustomer(s.ctx, lost)).toMatchObject(UNAVAILABLE);
    // The retry finds the profile the lost call made and offers it; "create anyway" replays that same call.
    const retried = await createCustomer(s.ctx, lost);
    expect(retried).toMatchObject({ ok: true, data: { duplicates: [{ name: "Pierre" }] } });
    const anyway = await createCustomer(s.ctx, { ...lost, allowDuplicate: true });
    const profiles = (await s.square.client.customers.list()).data;
    expect(profiles.map((c) => c.givenName).sort()).toEqual(["Marie", "Pierre"]);
    expect(anyway).toMatchObject({ ok: true, data: { customerId: profiles.find((c) => c.givenName === "Pierre")!.id } });
  });

  it("edit: a 429 says Square is busy and the retry saves; a lost answer is recognised as the seller's own change, not someone else's", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s, { companyName: "Radium Ltd" });
    const original = form({ givenName: "Ada", familyName: "Lovelace", companyName: "Radium Ltd" });
    const edit = (companyName: string, version: number) => ({ customerId, version, original, values: { ...original, companyName } });
    await faults(s, { error_rate: 1, error_status: 429, retry_after_seconds: 5, routes: ["PUT /v2/customers/*"], times: 1 });
    expect(await updateCustomer(s.ctx, edit("Polonium plc", 0))).toMatchObject({ ok: false, code: "RATE_LIMITED", message: "Square is busy. Wait a moment and try again." });
    const saved = await updateCustomer(s.ctx, edit("Polonium plc", 0));
    expect(saved).toMatchObject({ ok: true, data: { customerId, version: 1 } });

    const next = { customerId, version: 1, original: { ...original, companyName: "Polonium plc" }, values: { ...original, companyName: "Curie & Co" } };
    await faults(s, lostAnswer("PUT /v2/customers/*"));
    expect(await updateCustomer(s.ctx, next)).toMatchObject(UNAVAILABLE);
    expect(await updateCustomer(s.ctx, next)).toMatchObject({ ok: true, data: { customerId, version: 2 } });
    const { customer } = await s.square.client.customers.get({ customerId });
    expect(customer).toMatchObject({ companyName: "Curie & Co", version: BigInt(2) });
  });

  it("save a card: after a lost answer the seller retries (the card form tokenizes again) and the customer still has one card, with its consent", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s);
    const attemptId = newAttempt();
    await faults(s, lostAnswer("POST /v2/cards"));
    expect(await saveCard(s.ctx, { customerId, attemptId, sourceId: await storeToken(s), postalCode: "94103", consent: true })).toMatchObject(UNAVAILABLE);
    const retried = await saveCard(s.ctx, { customerId, attemptId, sourceId: await storeToken(s), postalCode: "94103", consent: true });
    expect(retried).toMatchObject({ ok: true, data: { last4: "1111" } });
    const cards = (await s.square.client.cards.list({ customerId, includeDisabled: true })).data;
    expect(cards.map((c) => c.id)).toEqual([retried.ok && retried.data.cardId]);
    expect((await listCardConsents(db(), { merchantId: s.square.merchantId, customerId })).map((c) => c.cardId)).toEqual([cards[0].id]);
  });

  it("charge on file: a lost answer or a hang after Square charged says try again, and the retry returns that payment", async () => {
    const s = await seller({ timeoutInSeconds: 0.3 });
    const customerId = await mirroredCustomer(s);
    const saved = await saveCard(s.ctx, { customerId, attemptId: newAttempt(), sourceId: await storeToken(s), postalCode: "94103", consent: true });
    const cardId = saved.ok ? saved.data.cardId : "";
    for (const [fault, expected] of [
      [lostAnswer("POST /v2/payments"), UNAVAILABLE],
      [{ hang_rate: 1, after_handler: true, routes: ["POST /v2/payments"], times: 1 }, { ok: false, code: "SQUARE_TIMEOUT", message: "Square took too long to answer. Try again shortly." }],
    ] as const) {
      const input = { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "4.20" };
      const before = new Set((await s.square.client.payments.list({ locationId: s.square.locationId })).data.map((p) => p.id));
      await faults(s, fault);
      expect(await chargeOnFile(s.ctx, input)).toMatchObject(expected);
      const retried = await chargeOnFile(s.ctx, input);
      expect(retried).toMatchObject({ ok: true });
      const added = (await s.square.client.payments.list({ locationId: s.square.locationId })).data.filter((p) => !before.has(p.id!));
      expect(added.map((p) => [p.id, p.status])).toEqual([[retried.ok && retried.data.paymentId, "COMPLETED"]]);
    }
  });
});
