import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { startCheckoutAttempt, updateCheckoutAttempt } from "@/lib/db/queries/checkout-attempts";
import { deleteCheckoutLink, getCheckoutLink, listCheckoutLinks } from "@/lib/db/queries/checkout-links";
import { describeEachDatabase, testMerchantId } from "@/test/databases";
import { ensureDemoLinks } from "./demo-links";
import { connectSeller, createTestLink } from "./test-support/checkout-seller";

describeEachDatabase("checkout links in Patron's database", ({ db }) => {
  async function seller() {
    const square = { merchantId: testMerchantId(), locationId: "LOCATION00001", accessToken: "a", refreshToken: "r" };
    await connectSeller(db(), square, "Links Ltd");
    return square;
  }

  it("gives a seller without links the two demo links once, even when two page loads race", async () => {
    const s = await seller();
    const counts = await Promise.all([1, 2].map(() => ensureDemoLinks(db(), { merchantId: s.merchantId, mainLocationId: s.locationId, currency: "USD" }, "secret")));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await ensureDemoLinks(db(), { merchantId: s.merchantId, mainLocationId: s.locationId, currency: "USD" }, "secret")).toBe(0);
    const links = await listCheckoutLinks(db(), s);
    expect(links.map((l) => [l.title, l.pricing, l.offerSaveCard]).sort()).toEqual([
      ["Morning coffee & pastry", "items", true],
      ["Pay what you like", "open", false],
    ]);
    expect(links.every((l) => /^demo_[A-Za-z0-9_-]{16}$/.test(l.id))).toBe(true);
  });

  it("counts each link's completed checkouts and their revenue from Patron's own records, and never another seller's", async () => {
    const s = await seller();
    const other = await seller();
    const link = await createTestLink(db(), s);
    const quiet = await createTestLink(db(), s, { title: "Quiet" });
    const attempt = async (status: "completed" | "declined", amount: number) => {
      const a = await startCheckoutAttempt(db(), { id: randomUUID(), merchantId: s.merchantId, linkId: link.id, amount, currency: "USD", lineItems: [], identityKey: "k", saveCardRequested: false });
      await updateCheckoutAttempt(db(), a.id, { status });
    };
    await attempt("completed", 2899);
    await attempt("completed", 1000);
    await attempt("declined", 5000);
    const rows = await listCheckoutLinks(db(), s);
    expect(rows.find((l) => l.id === link.id)).toMatchObject({ paymentCount: 2, revenue: 3899 });
    expect(rows.find((l) => l.id === quiet.id)).toMatchObject({ paymentCount: 0, revenue: 0 });
    expect(await listCheckoutLinks(db(), other)).toEqual([]);
    expect(await getCheckoutLink(db(), { merchantId: other.merchantId, linkId: link.id })).toBeUndefined();
    expect(await deleteCheckoutLink(db(), { merchantId: other.merchantId, linkId: link.id })).toBe(false);
    expect(await deleteCheckoutLink(db(), { merchantId: s.merchantId, linkId: link.id })).toBe(true);
  });
});
