import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mintToken, startTestEmulator, VISA, type TestEmulator } from "@/test/local-square";
import { paymentKey } from "@/lib/checkout/keys";
import { listAudit } from "@/lib/db/queries/audit-log";
import { mirrorGiftCards, mirrorOrders, mirrorPayments } from "@/lib/db/schema";
import { applyToMirror } from "@/lib/sync/apply";
import { describeEachDatabase } from "@/test/databases";
import { testSquareConfig } from "@/test/square";
import { card as cardObject } from "@/test/sync/objects";
import { chargeOnFile } from "./charge-on-file";
import { linkGiftCard } from "./gift-card-links";
import { createOrderForCustomer } from "./order-for-customer";
import { saveCard } from "./save-card";
import { mirroredCustomer, newAttempt, opsSeller, type OpsSeller } from "./test-support/ops-seller";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describeEachDatabase("charging cards and gift cards on file, at the local Square", ({ db }) => {
  const seller = async (overrides: Parameters<typeof testSquareConfig>[1] = {}, chargeMaxAmount?: number) =>
    opsSeller(db(), await local.newSeller(), testSquareConfig(local, overrides), { chargeMaxAmount });
  const calls = async (s: OpsSeller) => ((await (await local.admin("/_emulator/stats", undefined, s.square.accessToken)).json()) as { total: number; calls: Record<string, number> });
  const resetCalls = (s: OpsSeller) => local.admin("/_emulator/stats/reset", {}, s.square.accessToken);

  /** A customer with a card saved through the dashboard (4111 1111 1111 1111 unless told). */
  async function customerWithCard(s: OpsSeller, number = VISA.number) {
    const customerId = await mirroredCustomer(s);
    const sourceId = await mintToken(local, s.square, { ...VISA, number }, { verificationDetails: { intent: "STORE", billingContact: {}, customerInitiated: false, sellerKeyedIn: true } });
    const saved = await saveCard(s.ctx, { customerId, sourceId, postalCode: "94103", consent: true });
    if (!saved.ok) throw new Error(saved.message);
    return { customerId, cardId: saved.data.cardId };
  }
  const ordersOf = async (s: OpsSeller, customerId: string) =>
    (await s.square.client.orders.search({ locationIds: [s.square.locationId], query: { filter: { customerFilter: { customerIds: [customerId] } } } })).orders ?? [];
  const paymentsOn = async (s: OpsSeller, orderId: string) => {
    const { order } = await s.square.client.orders.get({ orderId });
    return order!;
  };

  it("creates an order linked to the customer, then a payment with the card, customer, order and location", async () => {
    const s = await seller();
    const { customerId, cardId } = await customerWithCard(s);
    await resetCalls(s);
    const result = await chargeOnFile(s.ctx, { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "12.50", note: "Birthday cake deposit" });
    expect(result).toMatchObject({ ok: true, data: { amount: { amount: 1250, currency: "USD" }, cardBrand: "VISA", last4: "1111" } });
    if (!result.ok) return;
    const { paymentId, orderId, receiptNumber, receiptUrl } = result.data;
    expect(receiptNumber).toBe(paymentId.slice(0, 4));
    expect(receiptUrl).toContain(paymentId);
    expect((await calls(s)).calls).toEqual({ "POST /v2/orders": 1, "POST /v2/payments": 1, "GET /v2/orders/{order_id}": 1 });

    const { payment } = await s.square.client.payments.get({ paymentId });
    expect(payment).toMatchObject({ sourceType: "CARD", customerId, orderId, locationId: s.square.locationId, status: "COMPLETED", note: "Birthday cake deposit" });
    expect(payment!.cardDetails).toMatchObject({ entryMethod: "ON_FILE", card: { last4: "1111" } });
    const order = await paymentsOn(s, orderId);
    expect(order).toMatchObject({ customerId, state: "COMPLETED", locationId: s.square.locationId });
    expect(order.lineItems!.map((l) => [l.name, l.quantity, l.itemType, l.note])).toEqual([["Charge on file", "1", "CUSTOM_AMOUNT", "Birthday cake deposit"]]);

    const m = s.square.merchantId;
    expect((await db().select().from(mirrorPayments).where(and(eq(mirrorPayments.merchantId, m), eq(mirrorPayments.id, paymentId))))[0]).toMatchObject({ status: "COMPLETED", attributedCustomerId: customerId });
    expect((await db().select().from(mirrorOrders).where(and(eq(mirrorOrders.merchantId, m), eq(mirrorOrders.id, orderId))))[0]).toMatchObject({ state: "COMPLETED" });
    expect((await listAudit(db(), { merchantId: m }))[0]).toMatchObject({ actor: `seller:${m}`, action: "charge.paid", objectIds: [paymentId, orderId, customerId, cardId], details: { amount: 1250 } });
  });

  it("a double submit of one attempt charges once", async () => {
    const s = await seller();
    const { customerId, cardId } = await customerWithCard(s);
    const input = { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "20" };
    const [a, b] = await Promise.all([chargeOnFile(s.ctx, input), chargeOnFile(s.ctx, input)]);
    const again = await chargeOnFile(s.ctx, input);
    expect(a.ok && b.ok && again.ok).toBe(true);
    if (!a.ok || !b.ok || !again.ok) return;
    expect(new Set([a.data.paymentId, b.data.paymentId, again.data.paymentId]).size).toBe(1);
    const orders = await ordersOf(s, customerId);
    expect(orders).toHaveLength(1);
    expect(orders[0].tenders).toHaveLength(1);
  });

  it("a retry after a timeout, or after an answer that never arrived, replays instead of charging twice", async () => {
    const s = await seller({ timeoutInSeconds: 0.25 });
    const { customerId, cardId } = await customerWithCard(s);
    const input = { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "7.00" };
    await local.admin("/_emulator/faults", { latency_ms: 600 }, s.square.accessToken);
    expect(await chargeOnFile(s.ctx, input)).toMatchObject({ ok: false, code: "SQUARE_TIMEOUT", message: "Square took too long to answer. Try again shortly." });
    await local.admin("/_emulator/faults", {}, s.square.accessToken);
    const retried = await chargeOnFile(s.ctx, input);
    expect(retried.ok).toBe(true);

    // The payment went through but its answer was lost: the retry gets that same payment.
    const lost = { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "3.00" };
    const first = await chargeOnFile(s.ctx, lost);
    const { payment } = await s.square.client.payments.create({
      idempotencyKey: paymentKey(lost.attemptId, cardId),
      sourceId: cardId,
      amountMoney: { amount: BigInt(300), currency: "USD" },
      orderId: first.ok ? first.data.orderId : "",
      customerId,
      locationId: s.square.locationId,
      autocomplete: true,
      customerDetails: { customerInitiated: false, sellerKeyedIn: false },
    });
    expect(first.ok && payment!.id === first.data.paymentId).toBe(true);
    const orders = await ordersOf(s, customerId);
    expect(orders.map((o) => o.tenders?.length)).toEqual([1, 1]);
  });

  it.each([
    ["a card the bank declines", "GENERIC_DECLINE", "declined", "The card was declined."],
    ["a postal code the bank refuses", "ADDRESS_VERIFICATION_FAILURE", "postal_code", "The postal code doesn't match"],
    ["an expired card", "INVALID_EXPIRATION", "expired", "The card has expired"],
  ])("declines %s (%s) with the reason, leaving the order OPEN", async (_, code, reason, message) => {
    const s = await seller();
    let customerId: string;
    let cardId: string;
    if (code === "GENERIC_DECLINE") ({ customerId, cardId } = await customerWithCard(s, "4000 0000 0000 0002"));
    else {
      // Square's sandbox cards on file, as if the sync had copied them to this customer.
      customerId = await mirroredCustomer(s);
      cardId = code === "ADDRESS_VERIFICATION_FAILURE" ? "ccof:customer-card-id-rejected-postalcode" : "ccof:customer-card-id-rejected-expiration";
      await applyToMirror(db(), s.square.merchantId, { fetchedAt: new Date(), cards: [cardObject({ id: cardId, customerId })] });
    }
    const result = await chargeOnFile(s.ctx, { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "9.99" });
    expect(result).toMatchObject({ ok: false, code: "DECLINED", reason, squareCodes: [code] });
    if (result.ok) return;
    expect(result.message).toContain(message);
    const order = await paymentsOn(s, (result as { orderId: string }).orderId);
    expect(order.state).toBe("OPEN");
    const failed = await db().select().from(mirrorPayments).where(and(eq(mirrorPayments.merchantId, s.square.merchantId), eq(mirrorPayments.attributedCustomerId, customerId)));
    expect(failed.map((p) => p.status)).toEqual(["FAILED"]);
    expect((await listAudit(db(), { merchantId: s.square.merchantId }))[0]).toMatchObject({ action: "charge.declined", details: { codes: [code] } });
  });

  it("a card disabled at Square since the mirror last heard is refused with the reason", async () => {
    const s = await seller();
    const { customerId, cardId } = await customerWithCard(s);
    await s.square.client.cards.disable({ cardId });
    const result = await chargeOnFile(s.ctx, { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "5" });
    expect(result).toMatchObject({ ok: false, code: "DECLINED", reason: "disabled", message: "This card is disabled or no longer usable, so it can't be charged. Choose another card." });
  });

  it("after a decline, another card pays the same OPEN order", async () => {
    const s = await seller();
    const { customerId, cardId: declining } = await customerWithCard(s, "4000 0000 0000 0002");
    const good = await mintToken(local, s.square, VISA, { verificationDetails: { intent: "STORE", billingContact: {}, customerInitiated: false, sellerKeyedIn: true } });
    const saved = await saveCard(s.ctx, { customerId, sourceId: good, postalCode: "94103", consent: true });
    const attemptId = newAttempt();
    const declined = await chargeOnFile(s.ctx, { customerId, attemptId, sourceId: declining, amount: "15" });
    expect(declined).toMatchObject({ ok: false, code: "DECLINED" });
    const paid = await chargeOnFile(s.ctx, { customerId, attemptId, sourceId: saved.ok ? saved.data.cardId : "", amount: "15" });
    expect(paid).toMatchObject({ ok: true, data: { orderId: (declined as { orderId: string }).orderId } });
    const orders = await ordersOf(s, customerId);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ state: "COMPLETED" });
    // The local Square leaves order_id off FAILED payments, so they are found by customer.
    const payments = (await s.square.client.payments.list({ locationId: s.square.locationId })).data.filter((x) => x.customerId === customerId);
    expect(payments.map((p) => p.status).sort()).toEqual(["COMPLETED", "FAILED"]);
    expect(orders[0].tenders).toHaveLength(1);
  });

  it("charges a linked gift card, lowering its balance in the mirror; too little balance is declined", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s);
    const linked = await linkGiftCard(s.ctx, { customerId, gan: "7783 3200 0000 0000" });
    expect(linked.ok).toBe(true);
    const giftCardId = linked.ok ? linked.data.giftCardId : "";
    const paid = await chargeOnFile(s.ctx, { customerId, attemptId: newAttempt(), sourceId: giftCardId, amount: "120.00" });
    expect(paid).toMatchObject({ ok: true, data: { cardBrand: "SQUARE_GIFT_CARD", amount: { amount: 12_000 } } });
    const [mirrored] = await db().select().from(mirrorGiftCards).where(and(eq(mirrorGiftCards.merchantId, s.square.merchantId), eq(mirrorGiftCards.id, giftCardId)));
    expect(mirrored.balanceAmount).toBe(50_000 - 12_000);

    const tooMuch = await chargeOnFile(s.ctx, { customerId, attemptId: newAttempt(), sourceId: giftCardId, amount: "400.00" });
    expect(tooMuch).toMatchObject({
      ok: false,
      code: "DECLINED",
      reason: "insufficient_funds",
      message: "The gift card doesn't have enough balance for this amount. Charge less, or choose another card.",
    });
  });

  it.each([
    ["0", "Enter an amount above zero."],
    ["-5", "Enter an amount above zero; refunds are made in Square."],
    ["1.234", "Use at most 2 decimal places (USD has cents)."],
    ["100.01", "The most you can charge at once is $100.00."],
    ["ten", "Enter the amount as a number, like 12.50."],
  ])("refuses the amount %j before asking Square", async (amount, message) => {
    const s = await seller({}, 10_000);
    const { customerId, cardId } = await customerWithCard(s);
    await resetCalls(s);
    expect(await chargeOnFile(s.ctx, { customerId, attemptId: newAttempt(), sourceId: cardId, amount })).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: "Check the highlighted fields.",
      fieldErrors: { amount: [message] },
    });
    expect((await calls(s)).total).toBe(0);
  });

  it("line items become the order's lines and must add up to the amount", async () => {
    const s = await seller();
    const { customerId, cardId } = await customerWithCard(s);
    const lineItems = [
      { name: "Bag of beans", quantity: 2, price: "12.50" },
      { name: "Filters", quantity: "1", price: "3.99" },
    ];
    expect(await chargeOnFile(s.ctx, { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "30", lineItems })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["The items add up to $28.99. Make the amount match them, or remove the items."] },
    });
    const paid = await chargeOnFile(s.ctx, { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "28.99", lineItems });
    expect(paid.ok).toBe(true);
    const order = await paymentsOn(s, paid.ok ? paid.data.orderId : "");
    expect(order.lineItems!.map((l) => [l.name, l.quantity, l.basePriceMoney!.amount])).toEqual([
      ["Bag of beans", "2", BigInt(1250)],
      ["Filters", "1", BigInt(399)],
    ]);
  });

  it("a new order for the customer stays OPEN, or is paid on file at once", async () => {
    const s = await seller();
    const { customerId, cardId } = await customerWithCard(s);
    const lineItems = [{ name: "Catering tray", quantity: 1, price: "45.00" }];
    const open = await createOrderForCustomer(s.ctx, { customerId, attemptId: newAttempt(), lineItems });
    expect(open).toMatchObject({ ok: true, data: { state: "OPEN", total: { amount: 4500 }, payment: null } });
    expect(await paymentsOn(s, open.ok ? open.data.orderId : "")).toMatchObject({ state: "OPEN", customerId });
    const paid = await createOrderForCustomer(s.ctx, { customerId, attemptId: newAttempt(), lineItems, payWith: cardId });
    expect(paid).toMatchObject({ ok: true, data: { state: "COMPLETED", payment: { amount: { amount: 4500 } } } });
    expect((await listAudit(db(), { merchantId: s.square.merchantId })).map((e) => e.action).slice(0, 2)).toEqual(["charge.paid", "order.created"]);
  });

  it("refuses another seller's customers, cards and gift cards before asking Square", async () => {
    const victim = await seller();
    const attacker = await seller();
    const { customerId, cardId } = await customerWithCard(victim);
    const linked = await linkGiftCard(victim.ctx, { customerId, gan: "7783320000000000" });
    const giftCardId = linked.ok ? linked.data.giftCardId : "";
    const own = await mirroredCustomer(attacker);
    await resetCalls(attacker);
    const lineItems = [{ name: "Anything", quantity: 1, price: "1.00" }];
    for (const result of [
      await chargeOnFile(attacker.ctx, { customerId, attemptId: newAttempt(), sourceId: cardId, amount: "1" }),
      await chargeOnFile(attacker.ctx, { customerId: own, attemptId: newAttempt(), sourceId: cardId, amount: "1" }),
      await chargeOnFile(attacker.ctx, { customerId: own, attemptId: newAttempt(), sourceId: giftCardId, amount: "1" }),
      await createOrderForCustomer(attacker.ctx, { customerId, attemptId: newAttempt(), lineItems }),
      await createOrderForCustomer(attacker.ctx, { customerId: own, attemptId: newAttempt(), lineItems, payWith: cardId }),
    ])
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await calls(attacker)).total).toBe(0);
    expect(await ordersOf(victim, customerId)).toEqual([]);
  });
});
