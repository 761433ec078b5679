import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator, type TestSeller } from "@/test/local-square";
import { testSquareConfig } from "@/test/square";
import { createSquareClient } from "./client";
import { getPayment, listPayments } from "./payments";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const usd = (amount: number) => ({ amount: BigInt(amount), currency: "USD" as const });
const pay = (seller: TestSeller, amount: number) =>
  seller.client.payments.create({ sourceId: "cnon:card-nonce-ok", idempotencyKey: randomUUID(), amountMoney: usd(amount) }).then((r) => r.payment!);
const clientOf = (seller: TestSeller, overrides = {}) => createSquareClient(testSquareConfig(local, overrides), seller.accessToken);

describe("listings read as Square's wire JSON", () => {
  it("sends the query, pages with the cursor, and keeps each object exactly as GetPayment reads it", async () => {
    const seller = await local.newSeller();
    const made = [await pay(seller, 100), await pay(seller, 250), await pay(seller, 300)];
    const client = clientOf(seller);
    const first = await listPayments(client, { locationId: seller.locationId, beginTime: "2009-01-01T00:00:00Z", sortOrder: "DESC", limit: 2 });
    expect(first.items.map((p) => p.id)).toEqual([made[2].id, made[1].id]);
    const second = await listPayments(client, { locationId: seller.locationId, beginTime: "2009-01-01T00:00:00Z", sortOrder: "DESC", limit: 2, cursor: first.cursor });
    expect(second).toEqual({ items: [expect.objectContaining({ id: made[0].id, amount: { amount: 100, currency: "USD" } })], cursor: null });
    expect(second.items[0]).toEqual(await getPayment(client, made[0].id!));
    expect(second.items[0].raw).toMatchObject({ id: made[0].id, amount_money: { amount: 100, currency: "USD" }, card_details: { card: { last_4: "5858" } } });
    const later = await listPayments(client, { locationId: seller.locationId, beginTime: made[1].createdAt!, endTime: made[1].createdAt! });
    expect(later.items.map((p) => p.id)).toEqual([made[1].id]);
  });

  it("turns Square's errors into the app's: missing scope, unknown location, bad cursor", async () => {
    const seller = await local.newSeller({ scopes: ["CUSTOMERS_READ"] });
    const params = { locationId: seller.locationId, beginTime: "2009-01-01T00:00:00Z" };
    await expect(listPayments(clientOf(seller), params)).rejects.toMatchObject({ code: "MISSING_SCOPE", scopes: ["PAYMENTS_READ"] });
    const other = await local.newSeller();
    await expect(listPayments(clientOf(other), { ...params, locationId: "NOWHERE" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listPayments(clientOf(other), { ...params, locationId: other.locationId, cursor: "made-up" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      squareCode: "INVALID_CURSOR",
    });
  });

  it("gives up on a call that hangs past the client's timeout", async () => {
    const seller = await local.newSeller();
    await local.admin("/_emulator/faults", { hang_rate: 1, routes: ["GET /v2/payments"], times: 1 }, seller.accessToken);
    try {
      const call = listPayments(clientOf(seller, { timeoutInSeconds: 0.2 }), { locationId: seller.locationId, beginTime: "2009-01-01T00:00:00Z" });
      await expect(call).rejects.toMatchObject({ code: "SQUARE_TIMEOUT" });
    } finally {
      await local.admin("/_emulator/faults", {}, seller.accessToken);
    }
  });
});
