import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestSeller } from "../harness";
import { failure, key, startMoneyEmulator, usd, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator();
});
afterAll(() => local.stop());

const pay = (seller: TestSeller, fields: Partial<Square.CreatePaymentRequest> = {}) =>
  seller.client.payments.create({ sourceId: "cnon:card-nonce-ok", idempotencyKey: key(), amountMoney: usd(1000), ...fields });

describe("Delayed capture: APPROVED, then complete, cancel or update", () => {
  it("authorizes, then CompletePayment captures with a new version token and payment.updated", async () => {
    const seller = await local.newSeller();
    const approved = (await pay(seller, { autocomplete: false, delayDuration: "PT2H" })).payment!;
    expect(approved).toMatchObject({ status: "APPROVED", cardDetails: { status: "AUTHORIZED" }, delayDuration: "PT2H", delayAction: "CANCEL" });
    expect(approved.capabilities).toEqual(expect.arrayContaining(["EDIT_AMOUNT_UP", "EDIT_AMOUNT_DOWN", "EDIT_TIP_AMOUNT_UP", "EDIT_TIP_AMOUNT_DOWN"]));
    expect(approved.receiptUrl).toBeUndefined();
    expect(Date.parse(approved.delayedUntil!) - Date.parse(approved.createdAt!)).toBe(2 * 3600_000);

    const stale = await failure(seller.client.payments.complete({ paymentId: approved.id!, versionToken: "stale" }));
    expect(stale.statusCode).toBe(409);
    expect(stale.errors[0]).toMatchObject({ code: "VERSION_MISMATCH", field: "version_token" });
    const { payment } = await seller.client.payments.complete({ paymentId: approved.id!, versionToken: approved.versionToken });
    expect(payment).toMatchObject({ status: "COMPLETED", cardDetails: { status: "CAPTURED" }, receiptUrl: expect.stringContaining(approved.id!) });
    expect(payment!.versionToken).not.toBe(approved.versionToken);
    expect(payment!.cardDetails!.cardPaymentTimeline!.capturedAt).toBeTruthy();
    await local.waitForEvent((d) => d.type === "payment.updated" && d.data.id === approved.id && d.data.object.payment.status === "COMPLETED", "payment.updated");
    expect((await failure(seller.client.payments.complete({ paymentId: approved.id! }))).errors[0].code).toBe("BAD_REQUEST");
    expect((await failure(seller.client.payments.cancel({ paymentId: approved.id! }))).errors[0].code).toBe("BAD_REQUEST");
  });

  it("cancels (voids) an APPROVED payment", async () => {
    const seller = await local.newSeller();
    const approved = (await pay(seller, { autocomplete: false })).payment!;
    const { payment } = await seller.client.payments.cancel({ paymentId: approved.id! });
    expect(payment).toMatchObject({ status: "CANCELED", cardDetails: { status: "VOIDED" } });
    expect(payment!.receiptNumber).toBeUndefined();
    expect(payment!.cardDetails!.cardPaymentTimeline!.voidedAt).toBeTruthy();
  });

  it("updates the amount and tip of an APPROVED payment only, idempotently", async () => {
    const seller = await local.newSeller();
    const approved = (await pay(seller, { autocomplete: false })).payment!;
    const request = { paymentId: approved.id!, idempotencyKey: key(), payment: { amountMoney: usd(1200), tipMoney: usd(300), versionToken: approved.versionToken } };
    const { payment } = await seller.client.payments.update(request);
    expect(payment).toMatchObject({ amountMoney: usd(1200), tipMoney: usd(300), totalMoney: usd(1500), approvedMoney: usd(1500), status: "APPROVED" });
    expect((await seller.client.payments.update(request)).payment?.versionToken).toBe(payment!.versionToken);
    expect((await failure(seller.client.payments.update({ ...request, idempotencyKey: key() }))).errors[0].code).toBe("VERSION_MISMATCH");
    const noteChange = await failure(seller.client.payments.update({ paymentId: approved.id!, idempotencyKey: key(), payment: { note: "no" } }));
    expect(noteChange.errors[0].code).toBe("BAD_REQUEST");
    const done = (await pay(seller)).payment!;
    const completed = await failure(seller.client.payments.update({ paymentId: done.id!, idempotencyKey: key(), payment: { tipMoney: usd(1) } }));
    expect(completed.errors[0].code).toBe("BAD_REQUEST");
  });

  it("cancels by idempotency key, and succeeds when there is nothing to cancel", async () => {
    const seller = await local.newSeller();
    const createKey = key();
    const approved = (await pay(seller, { autocomplete: false, idempotencyKey: createKey })).payment!;
    expect(await seller.client.payments.cancelByIdempotencyKey({ idempotencyKey: createKey })).toEqual({});
    expect((await seller.client.payments.get({ paymentId: approved.id! })).payment?.status).toBe("CANCELED");
    expect(await seller.client.payments.cancelByIdempotencyKey({ idempotencyKey: key() })).toEqual({});
    expect((await failure(seller.client.payments.cancelByIdempotencyKey({ idempotencyKey: "" }))).errors[0].field).toBe("idempotency_key");
  });

  it("applies the delay action once delayed_until has passed", async () => {
    const seller = await local.newSeller();
    const toCancel = (await pay(seller, { autocomplete: false, delayDuration: "PT1M" })).payment!;
    const toComplete = (await pay(seller, { autocomplete: false, delayDuration: "PT1M", delayAction: "COMPLETE" })).payment!;
    local.emulator.ctx.clock.advance(61_000);
    expect((await seller.client.payments.get({ paymentId: toCancel.id! })).payment?.status).toBe("CANCELED");
    expect((await seller.client.payments.get({ paymentId: toComplete.id! })).payment?.status).toBe("COMPLETED");
  });

  it("keeps payments to their seller", async () => {
    const seller = await local.newSeller();
    const other = await local.newSeller();
    const { payment } = await pay(seller);
    expect((await failure(other.client.payments.get({ paymentId: payment!.id! }))).statusCode).toBe(404);
    expect((await failure(other.client.payments.complete({ paymentId: payment!.id! }))).statusCode).toBe(404);
  });
});

describe("ListPayments", () => {
  it("filters by time, total, card and location, sorts newest first, pages, and answers {} when empty", async () => {
    const seller = await local.newSeller();
    const empty = await fetch(`${local.url}/v2/payments`, { headers: { authorization: `Bearer ${seller.accessToken}` } });
    expect(await empty.json()).toEqual({});
    const ctx = local.emulator.ctx;
    const made: Square.Payment[] = [];
    // Payments with a customer (or cash without an email) are never touched by late customer assignment.
    const customerId = (await seller.client.customers.create({ idempotencyKey: key(), givenName: "Lister" })).customer!.id;
    for (const [sourceId, amount] of [["cnon:card-nonce-ok", 500], ["ccof:customer-card-id-mastercard-ok", 700], ["CASH", 900]] as const) {
      const fields: Partial<Square.CreatePaymentRequest> = { sourceId, amountMoney: usd(amount), customerId };
      if (sourceId === "CASH") fields.cashDetails = { buyerSuppliedMoney: usd(amount) };
      made.push((await pay(seller, fields)).payment!);
      ctx.clock.advance(1_000);
    }
    const ids = (page: Square.Payment[]) => page.map((p) => p.id);
    expect(ids((await seller.client.payments.list()).data)).toEqual(ids([...made].reverse()));
    expect(ids((await seller.client.payments.list({ sortOrder: "ASC" })).data)).toEqual(ids(made));
    expect(ids((await seller.client.payments.list({ total: 700n })).data)).toEqual([made[1].id]);
    expect(ids((await seller.client.payments.list({ last4: "5858" })).data)).toEqual([made[0].id]);
    expect(ids((await seller.client.payments.list({ cardBrand: "MASTERCARD" })).data)).toEqual([made[1].id]);
    expect(ids((await seller.client.payments.list({ beginTime: made[1].createdAt, sortOrder: "ASC" })).data)).toEqual([made[1].id, made[2].id]);
    expect(ids((await seller.client.payments.list({ endTime: made[0].createdAt })).data)).toEqual([made[0].id]);

    const cut = ctx.clock.iso();
    await seller.client.payments.update({ paymentId: (await pay(seller, { autocomplete: false, amountMoney: usd(100), customerId })).payment!.id!, idempotencyKey: key(), payment: { tipMoney: usd(5) } });
    const touched = (await seller.client.payments.list({ sortField: "UPDATED_AT", updatedAtBeginTime: cut })).data;
    expect(touched.map((p) => Number(p.amountMoney!.amount))).toEqual([100]);

    const pages: string[] = [];
    for await (const p of await seller.client.payments.list({ limit: 2 })) pages.push(p.id!);
    expect(pages).toHaveLength(4);
    expect((await seller.client.payments.list({ limit: 500 })).data).toHaveLength(4);
    expect((await failure(seller.client.payments.list({ locationId: "NOWHERE" }))).statusCode).toBe(404);
    expect((await failure(seller.client.payments.list({ sortOrder: "UP" }))).errors[0].code).toBe("INVALID_SORT_ORDER");
    expect((await failure(seller.client.payments.list({ beginTime: "last tuesday" }))).errors[0].code).toBe("INVALID_TIME");
  });
});
