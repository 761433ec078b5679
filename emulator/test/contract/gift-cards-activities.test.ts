import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestSeller } from "../harness";
import { failure, key, startMoneyEmulator, usd, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator();
});
afterAll(() => local.stop());

async function newCard(seller: TestSeller) {
  return (await seller.client.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL" } })).giftCard!;
}

function activity(seller: TestSeller, giftCardId: string, fields: Partial<Square.GiftCardActivity> & Pick<Square.GiftCardActivity, "type">) {
  return seller.client.giftCards.activities.create({ idempotencyKey: key(), giftCardActivity: { locationId: seller.locationId, giftCardId, ...fields } });
}

const activate = (seller: TestSeller, id: string, amount: number) =>
  activity(seller, id, { type: "ACTIVATE", activateActivityDetails: { amountMoney: usd(amount), buyerPaymentInstrumentIds: ["cash-drawer"] } });

describe("Gift Card Activities API", () => {
  it("moves the balance only through activities, each reporting the balance it leaves", async () => {
    const seller = await local.newSeller();
    const card = await newCard(seller);
    const balance = async (fields: Parameters<typeof activity>[2]) => Number((await activity(seller, card.id!, fields)).giftCardActivity!.giftCardBalanceMoney!.amount);

    const activated = (await activate(seller, card.id!, 5000)).giftCardActivity!;
    expect(activated).toMatchObject({ type: "ACTIVATE", giftCardId: card.id, giftCardGan: card.gan, giftCardBalanceMoney: usd(5000), locationId: seller.locationId });
    expect(activated.id).toMatch(/^gcact_[0-9a-f]{32}$/);
    expect((await seller.client.giftCards.get({ id: card.id! })).giftCard).toMatchObject({ state: "ACTIVE", balanceMoney: usd(5000) });

    expect(await balance({ type: "LOAD", loadActivityDetails: { amountMoney: usd(1000), buyerPaymentInstrumentIds: ["card-1"] } })).toBe(6000);
    const redeem = (await activity(seller, card.id!, { type: "REDEEM", redeemActivityDetails: { amountMoney: usd(2500), referenceId: "till-7" } })).giftCardActivity!;
    expect(redeem.redeemActivityDetails).toMatchObject({ amountMoney: usd(2500), status: "COMPLETED", referenceId: "till-7" });
    expect(redeem.giftCardBalanceMoney).toEqual(usd(3500));
    const tooMuch = await failure(activity(seller, card.id!, { type: "REDEEM", redeemActivityDetails: { amountMoney: usd(3501) } }));
    expect(tooMuch.errors[0]).toMatchObject({ code: "INSUFFICIENT_FUNDS", field: "gift_card_activity.redeem_activity_details.amount_money.amount" });
    expect(await balance({ type: "ADJUST_INCREMENT", adjustIncrementActivityDetails: { amountMoney: usd(100), reason: "COMPLIMENTARY" } })).toBe(3600);
    expect(await balance({ type: "ADJUST_DECREMENT", adjustDecrementActivityDetails: { amountMoney: usd(600), reason: "SUPPORT_ISSUE" } })).toBe(3000);
    expect(await balance({ type: "REFUND", refundActivityDetails: { amountMoney: usd(2000), redeemActivityId: redeem.id } })).toBe(5000);
    const overRefund = await failure(activity(seller, card.id!, { type: "REFUND", refundActivityDetails: { amountMoney: usd(501), redeemActivityId: redeem.id } }));
    expect(overRefund.errors[0].code).toBe("REFUND_AMOUNT_INVALID");
    expect(await balance({ type: "UNLINKED_ACTIVITY_REFUND", unlinkedActivityRefundActivityDetails: { amountMoney: usd(50) } })).toBe(5050);
    expect(await balance({ type: "CLEAR_BALANCE", clearBalanceActivityDetails: { reason: "REUSE_GIFTCARD" } })).toBe(0);
    await activity(seller, card.id!, { type: "DEACTIVATE", deactivateActivityDetails: { reason: "SUSPICIOUS_ACTIVITY" } });
    expect((await seller.client.giftCards.get({ id: card.id! })).giftCard?.state).toBe("DEACTIVATED");
    const afterDeactivate = await failure(activity(seller, card.id!, { type: "LOAD", loadActivityDetails: { amountMoney: usd(1), buyerPaymentInstrumentIds: ["x"] } }));
    expect(afterDeactivate.errors[0]).toMatchObject({ code: "BAD_REQUEST", field: "gift_card_activity.type" });

    const event = await local.waitForEvent((d) => d.type === "gift_card.activity.created" && d.data.id === redeem.id, "activity.created");
    expect(event.data).toMatchObject({ type: "gift_card_activity", object: { gift_card_activity: { type: "REDEEM", gift_card_balance_money: { amount: 3500 } } } });
    await local.waitForEvent((d) => d.type === "gift_card.updated" && d.data.object.gift_card?.state === "DEACTIVATED", "gift_card.updated");
  });

  it("enforces the state rules and each type's details", async () => {
    const seller = await local.newSeller();
    const card = await newCard(seller);
    const pendingLoad = await failure(activity(seller, card.id!, { type: "LOAD", loadActivityDetails: { amountMoney: usd(100), buyerPaymentInstrumentIds: ["x"] } }));
    expect(pendingLoad.errors[0].code).toBe("BAD_REQUEST");
    expect((await failure(activity(seller, card.id!, { type: "ACTIVATE" }))).errors[0]).toMatchObject({
      code: "MISSING_REQUIRED_PARAMETER",
      field: "gift_card_activity.activate_activity_details",
    });
    const noInstruments = await failure(activity(seller, card.id!, { type: "ACTIVATE", activateActivityDetails: { amountMoney: usd(100) } }));
    expect(noInstruments.errors[0]).toMatchObject({ field: "gift_card_activity.activate_activity_details.buyer_payment_instrument_ids" });
    const zero = await failure(activity(seller, card.id!, { type: "ACTIVATE", activateActivityDetails: { amountMoney: usd(0), buyerPaymentInstrumentIds: ["x"] } }));
    expect(zero.errors[0].code).toBe("VALUE_TOO_LOW");
    const euros = await failure(
      activity(seller, card.id!, { type: "ACTIVATE", activateActivityDetails: { amountMoney: { amount: 100n, currency: "EUR" }, buyerPaymentInstrumentIds: ["x"] } }),
    );
    expect(euros.errors[0].code).toBe("CURRENCY_MISMATCH");
    const mixed = await failure(
      activity(seller, card.id!, { type: "ACTIVATE", activateActivityDetails: { amountMoney: usd(100), buyerPaymentInstrumentIds: ["x"] }, loadActivityDetails: {} }),
    );
    expect(mixed.errors[0]).toMatchObject({ code: "CONFLICTING_PARAMETERS", field: "gift_card_activity.load_activity_details" });
    const imported = await failure(activity(seller, card.id!, { type: "IMPORT" }));
    expect(imported.errors[0]).toMatchObject({ code: "INVALID_VALUE", field: "gift_card_activity.type" });
    const nowhere = await failure(activity(seller, card.id!, { type: "ACTIVATE", locationId: "NOWHERE", activateActivityDetails: { amountMoney: usd(1), buyerPaymentInstrumentIds: ["x"] } }));
    expect(nowhere.statusCode).toBe(404);
    expect((await failure(activity(seller, "gftc:missing", { type: "DEACTIVATE", deactivateActivityDetails: { reason: "UNKNOWN_REASON" } }))).statusCode).toBe(404);

    const byGan = await seller.client.giftCards.activities.create({
      idempotencyKey: key(),
      giftCardActivity: { type: "ACTIVATE", locationId: seller.locationId, giftCardGan: card.gan, activateActivityDetails: { amountMoney: usd(700), buyerPaymentInstrumentIds: ["x"] } },
    });
    expect(byGan.giftCardActivity).toMatchObject({ giftCardId: card.id, giftCardBalanceMoney: usd(700) });
    const twice = await failure(activate(seller, card.id!, 700));
    expect(twice.errors[0].code).toBe("BAD_REQUEST");
  });

  it("replays a repeated idempotency key without a second balance change", async () => {
    const seller = await local.newSeller();
    const card = await newCard(seller);
    const request = { idempotencyKey: key(), giftCardActivity: { type: "ACTIVATE" as const, locationId: seller.locationId, giftCardId: card.id, activateActivityDetails: { amountMoney: usd(900), buyerPaymentInstrumentIds: ["x"] } } };
    const first = await seller.client.giftCards.activities.create(request);
    expect((await seller.client.giftCards.activities.create(request)).giftCardActivity?.id).toBe(first.giftCardActivity!.id);
    expect((await seller.client.giftCards.get({ id: card.id! })).giftCard?.balanceMoney).toEqual(usd(900));
  });

  it("lists newest first by default, with filters, time bounds and pages", async () => {
    const seller = await local.newSeller();
    const a = await newCard(seller);
    const b = await newCard(seller);
    await activate(seller, a.id!, 1000);
    await activate(seller, b.id!, 2000);
    await activity(seller, a.id!, { type: "REDEEM", redeemActivityDetails: { amountMoney: usd(10) } });
    const all = (await seller.client.giftCards.activities.list()).data;
    expect(all.map((x) => [x.giftCardId, x.type])).toEqual([[a.id, "REDEEM"], [b.id, "ACTIVATE"], [a.id, "ACTIVATE"]]);
    const ascending = (await seller.client.giftCards.activities.list({ sortOrder: "ASC" })).data;
    expect(ascending.map((x) => x.id)).toEqual(all.map((x) => x.id).reverse());
    expect((await seller.client.giftCards.activities.list({ giftCardId: a.id })).data).toHaveLength(2);
    expect((await seller.client.giftCards.activities.list({ type: "REDEEM" })).data.map((x) => x.giftCardId)).toEqual([a.id]);
    expect((await seller.client.giftCards.activities.list({ locationId: "ELSEWHERE" })).data).toEqual([]);
    const paged: string[] = [];
    for await (const x of await seller.client.giftCards.activities.list({ limit: 1 })) paged.push(x.id!);
    expect(paged).toEqual(all.map((x) => x.id));

    const future = new Date(Date.now() + 3600_000).toISOString();
    const later = await fetch(`${local.url}/v2/gift-cards/activities?begin_time=${future}&end_time=${future}`, { headers: { authorization: `Bearer ${seller.accessToken}` } });
    expect(await later.json()).toEqual({});
    expect((await failure(seller.client.giftCards.activities.list({ limit: 101 }))).errors[0].code).toBe("VALUE_TOO_HIGH");
    expect((await failure(seller.client.giftCards.activities.list({ sortOrder: "SIDEWAYS" }))).errors[0].code).toBe("INVALID_SORT_ORDER");
    expect((await failure(seller.client.giftCards.activities.list({ beginTime: "yesterday" }))).errors[0]).toMatchObject({ code: "INVALID_TIME", field: "begin_time" });
    const backwards = seller.client.giftCards.activities.list({ beginTime: future, endTime: new Date().toISOString() });
    expect((await failure(backwards)).errors[0].code).toBe("INVALID_TIME_RANGE");
  });
});
