import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintPaymentToken, SANDBOX_TOKENS } from "../../src/domain/payment-tokens";
import { tables } from "../../src/domain/tables";
import { startTestEmulator, type TestSeller } from "../harness";
import { failure, key, poll, startMoneyEmulator, usd, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator({ assignDelayMs: 20 });
});
afterAll(() => local.stop());

const pay = (seller: TestSeller, fields: Partial<Square.CreatePaymentRequest> = {}) =>
  seller.client.payments.create({ sourceId: "cnon:card-nonce-ok", idempotencyKey: key(), amountMoney: usd(1000), ...fields });
/** Polls GetPayment (bounded) until Square has attached a customer. */
const assigned = (seller: TestSeller, paymentId: string) =>
  poll(async () => {
    const { payment } = await seller.client.payments.get({ paymentId });
    return payment?.customerId ? payment : undefined;
  }, `a customer on payment ${paymentId}`);
/** A card no profile has seen: its own fingerprint. */
const freshCard = (seller: TestSeller) =>
  mintPaymentToken(local.emulator.ctx, {
    merchantId: seller.merchantId,
    method: "card",
    card: { ...SANDBOX_TOKENS["cnon:card-nonce-ok"].card!, fingerprint: `sq-1-test-${key()}` },
    verified: false,
    requiresVerification: false,
  }).token;

describe("Late customer assignment", () => {
  it("attaches the profile with the buyer's email to the payment only, with a new version token and payment.updated", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({ idempotencyKey: key(), givenName: "Ada", emailAddress: "Ada.Lovelace@Example.com" });
    const { payment } = await pay(seller, { sourceId: freshCard(seller), buyerEmailAddress: "ada.lovelace@example.com" });
    expect(payment?.customerId).toBeUndefined();
    const later = await assigned(seller, payment!.id!);
    expect(later.customerId).toBe(customer!.id);
    expect(later.versionToken).not.toBe(payment!.versionToken);
    expect(later.updatedAt! > payment!.updatedAt!).toBe(true);
    const event = await local.waitForEvent((d) => d.type === "payment.updated" && d.data.id === payment!.id && !!d.data.object.payment.customer_id, "payment.updated");
    expect(event.data.object.payment.customer_id).toBe(customer!.id);
    const order = (await seller.client.orders.get({ orderId: payment!.orderId! })).order!;
    expect(order.customerId).toBeUndefined();
    expect(order.tenders?.[0].customerId).toBeUndefined();
    const byCustomer = await seller.client.orders.search({ locationIds: [seller.locationId], query: { filter: { customerFilter: { customerIds: [customer!.id!] } } } });
    expect(byCustomer.orders).toBeUndefined();
  });

  it("falls back to the owner of a card on file with the same fingerprint", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({ idempotencyKey: key(), givenName: "Card", familyName: "Owner" });
    await seller.client.cards.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", card: { customerId: customer!.id! } });
    const { payment } = await pay(seller);
    expect((await assigned(seller, payment!.id!)).customerId).toBe(customer!.id);
  });

  it("otherwise creates an INSTANT_PROFILE, with the buyer's email when there is one", async () => {
    const seller = await local.newSeller();
    const withEmail = (await pay(seller, { sourceId: freshCard(seller), buyerEmailAddress: "new.buyer@example.com" })).payment!;
    const profileId = (await assigned(seller, withEmail.id!)).customerId!;
    const { customer } = await seller.client.customers.get({ customerId: profileId });
    expect(customer).toMatchObject({ creationSource: "INSTANT_PROFILE", emailAddress: "new.buyer@example.com" });
    const created = await local.waitForEvent((d) => d.type === "customer.created" && d.data.id === profileId, "customer.created");
    expect(created.data.object.customer.creation_source).toBe("INSTANT_PROFILE");

    const anonymous = (await pay(seller, { sourceId: freshCard(seller) })).payment!;
    const bare = (await assigned(seller, anonymous.id!)).customerId!;
    expect(bare).not.toBe(profileId);
    expect((await seller.client.customers.get({ customerId: bare })).customer).toMatchObject({ creationSource: "INSTANT_PROFILE", version: 0n });
  });

  it("leaves alone payments that name a customer, are not completed, or identify nobody", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({ idempotencyKey: key(), givenName: "Named" });
    const named = (await pay(seller, { customerId: customer!.id })).payment!;
    const approved = (await pay(seller, { sourceId: freshCard(seller), autocomplete: false })).payment!;
    const cash = (await pay(seller, { sourceId: "CASH", cashDetails: { buyerSuppliedMoney: usd(1000) } })).payment!;
    const declined = await failure(pay(seller, { sourceId: "cnon:card-nonce-declined" }));
    const failedId = (declined.body as { payment: { id: string } }).payment.id;
    // A later payment's assignment happening proves the earlier ones had their chance.
    const witness = (await pay(seller, { sourceId: freshCard(seller) })).payment!;
    await assigned(seller, witness.id!);
    const after = async (id: string) => (await seller.client.payments.get({ paymentId: id })).payment!;
    expect((await after(named.id!)).versionToken).toBe(named.versionToken);
    expect((await after(approved.id!)).customerId).toBeUndefined();
    expect((await after(cash.id!)).customerId).toBeUndefined();
    expect((await after(failedId)).customerId).toBeUndefined();

    await seller.client.payments.complete({ paymentId: approved.id! });
    expect((await assigned(seller, approved.id!)).customerId).toBeTruthy();
  });
});

describe("Late customer assignment across a restart", () => {
  it("reschedules payments still waiting when the emulator starts again", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "patron-assign-"));
    try {
      // Long enough that the first emulator stops before it fires.
      const first = await startTestEmulator({ dataDir, assignDelayMs: 1_500 });
      const seller = await first.newSeller();
      const { payment } = await pay(seller, { buyerEmailAddress: "restart@example.com" });
      await first.stop();
      const stored = tables(first.emulator.ctx.store).payments.get(seller.merchantId, payment!.id!);
      expect(stored?.customerId).toBeUndefined();

      const second = await startTestEmulator({ dataDir, assignDelayMs: 1_500 });
      try {
        const client = second.clientFor(seller.accessToken);
        const later = await poll(async () => (await client.payments.get({ paymentId: payment!.id! })).payment?.customerId, "assignment after restart");
        expect((await client.customers.get({ customerId: later })).customer?.emailAddress).toBe("restart@example.com");
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
