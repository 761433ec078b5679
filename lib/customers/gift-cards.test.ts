import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { listAudit } from "@/lib/db/queries/audit-log";
import { listCustomerGiftCards } from "@/lib/db/queries/customer-gift-cards";
import { mirrorGiftCardCustomers } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { testSquareConfig } from "@/test/square";
import { linkGiftCard, unlinkGiftCard } from "./gift-card-links";
import { mirroredCustomer, opsSeller, type OpsSeller } from "./test-support/ops-seller";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const SANDBOX_GAN = "7783320000000000";

describeEachDatabase("gift cards on file from the dashboard, at the local Square", ({ db }) => {
  const seller = async () => opsSeller(db(), await local.newSeller(), testSquareConfig(local));
  const calls = async (s: OpsSeller) => ((await (await local.admin("/_emulator/stats", undefined, s.square.accessToken)).json()) as { total: number });
  const linkedAtSquare = async (s: OpsSeller, customerId: string) => (await s.square.client.giftCards.list({ customerId })).data;

  it("links a gift card by the number printed on it (spaces allowed), and unlinks it", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s);
    const linked = await linkGiftCard(s.ctx, { customerId, gan: "7783 3200 0000 0000" });
    expect(linked.ok).toBe(true);
    const giftCardId = linked.ok ? linked.data.giftCardId : "";
    expect(await linkedAtSquare(s, customerId)).toEqual([expect.objectContaining({ id: giftCardId, gan: SANDBOX_GAN, customerIds: [customerId] })]);
    expect(await listCustomerGiftCards(db(), { merchantId: s.square.merchantId, customerId })).toEqual([
      expect.objectContaining({ id: giftCardId, gan: SANDBOX_GAN, state: "ACTIVE", balance: { amount: 50_000, currency: "USD" }, linkedAs: customerId }),
    ]);

    expect(await linkGiftCard(s.ctx, { customerId, gan: SANDBOX_GAN })).toMatchObject({ ok: false, fieldErrors: { gan: ["This gift card is already on file for this customer."] } });

    expect(await unlinkGiftCard(s.ctx, { customerId, giftCardId })).toEqual({ ok: true, data: { giftCardId } });
    expect(await linkedAtSquare(s, customerId)).toEqual([]);
    expect(await db().select().from(mirrorGiftCardCustomers).where(and(eq(mirrorGiftCardCustomers.merchantId, s.square.merchantId), eq(mirrorGiftCardCustomers.giftCardId, giftCardId)))).toEqual([]);
    expect((await listAudit(db(), { merchantId: s.square.merchantId })).map((e) => [e.action, e.objectIds])).toEqual([
      ["gift_card.unlinked", [giftCardId, customerId]],
      ["gift_card.linked", [giftCardId, customerId]],
    ]);
  });

  it("says which gift card numbers Square does not know or cannot be", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s);
    expect(await linkGiftCard(s.ctx, { customerId, gan: "7783 3200 9999 9999" })).toMatchObject({
      ok: false,
      fieldErrors: { gan: ["Square has no gift card with that number. Check the number on the card."] },
    });
    expect(await linkGiftCard(s.ctx, { customerId, gan: "12-34" })).toMatchObject({ ok: false, fieldErrors: { gan: [expect.stringMatching(/8 to 20 letters and digits/)] } });
    expect(await linkGiftCard(s.ctx, { customerId, gan: "" })).toMatchObject({ ok: false, fieldErrors: { gan: ["Enter the gift card number."] } });
    expect(await listAudit(db(), { merchantId: s.square.merchantId })).toEqual([]);
  });

  it("refuses another seller's customers and gift cards before asking Square", async () => {
    const victim = await seller();
    const attacker = await seller();
    const customerId = await mirroredCustomer(victim);
    const linked = await linkGiftCard(victim.ctx, { customerId, gan: SANDBOX_GAN });
    const giftCardId = linked.ok ? linked.data.giftCardId : "";
    const own = await mirroredCustomer(attacker);
    await local.admin("/_emulator/stats/reset", {}, attacker.square.accessToken);
    for (const result of [
      await linkGiftCard(attacker.ctx, { customerId, gan: SANDBOX_GAN }),
      await unlinkGiftCard(attacker.ctx, { customerId, giftCardId }),
      await unlinkGiftCard(attacker.ctx, { customerId: own, giftCardId }),
    ])
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await calls(attacker)).total).toBe(0);
    expect(await linkedAtSquare(victim, customerId)).toHaveLength(1);
  });
});
