import { beforeAll, expect, it } from "vitest";
import { applyToMirror } from "@/lib/sync/apply";
import { describeEachDatabase } from "@/test/databases";
import { card, customer, giftCard, newId, order, payment } from "@/test/sync/objects";
import { insertSeller } from "@/test/sync/sellers";
import { recordAudit } from "./audit-log";
import { recordCardConsent } from "./card-consents";
import { listCustomerAudit } from "./customer-audit";
import { listSavableCardPayments } from "./customer-card-payments";
import { listCustomerCards } from "./customer-cards";
import { listDuplicateCustomers } from "./customer-duplicates";
import { listCustomerGiftCards } from "./customer-gift-cards";
import { customerIdGroup, getCustomerProfile } from "./customer-profile";
import { getCustomerSpendSeries, getCustomerSpendSummary } from "./customer-spend";
import { listCustomers } from "./customers";

const usd = (amount: number) => ({ amount, currency: "USD" });

/** Ada (merged from an older profile), Grace, and two people each entered twice; another seller with Ada's ids' lookalikes. */
describeEachDatabase("a customer's 360 from the mirror", ({ db }) => {
  let m: string;
  let other: string;
  const [ada, adaOld, grace, dupA, dupB, phoneA, phoneB] = [newId(), newId(), newId(), newId(), newId(), newId(), newId()];
  const gan = "7783320000001234";
  const sale = (id: string, at: string, cents: number, customerId: string, extra: Partial<ReturnType<typeof payment>> = {}) => {
    const p = payment({ id: `P${id}${m}`, createdAt: at, updatedAt: at, customerId, total: usd(cents), amount: usd(cents), ...extra });
    const o = order({ id: `O${id}${m}`, createdAt: at, updatedAt: at, total: usd(cents), paymentIds: [{ id: p.id }] });
    return { o, p: { ...p, orderId: o.id } };
  };

  beforeAll(async () => {
    m = await insertSeller(db(), { mainLocationId: "LOC1" });
    other = await insertSeller(db(), { mainLocationId: "LOC1" });
    const sales = [
      sale("1", "2026-01-10T18:00:00.000Z", 1000, adaOld, { cardFingerprint: "fp-old-visa", raw: { card_details: { entry_method: "KEYED" } } }),
      sale("2", "2026-03-02T18:00:00.000Z", 2500, ada, { cardFingerprint: "fp-ada-visa", raw: { card_details: { entry_method: "KEYED" } } }),
      sale("3", "2026-03-03T18:00:00.000Z", 500, ada, { cardBrand: "SQUARE_GIFT_CARD", last4: "1234", raw: { card_details: { card: { bin: "778332" } } } }),
      sale("4", "2026-03-04T18:00:00.000Z", 800, ada, { sourceType: "CASH", cardBrand: null, last4: null }),
      sale("5", "2026-03-05T18:00:00.000Z", 900, ada, { status: "FAILED" }),
    ];
    await applyToMirror(db(), m, {
      fetchedAt: new Date(),
      locations: [{ id: "LOC1", name: "Café", status: "ACTIVE", currency: "USD", timezone: "America/Los_Angeles" }],
      customers: [
        customer({ id: ada, givenName: "Ada", familyName: "Lovelace", raw: { id: ada, note: "Oat milk", birthday: "0000-12-10", address: { address_line_1: "12 St James's Sq", locality: "London", country: "GB" } } }),
        customer({ id: adaOld, givenName: "Ada", familyName: "Byron" }),
        customer({ id: grace, givenName: "Grace", familyName: "Hopper", phoneNumber: null }),
        customer({ id: dupA, givenName: "Sam", emailAddress: "Sam@Example.com", phoneNumber: null, createdAt: "2026-01-01T00:00:00.000Z" }),
        customer({ id: dupB, givenName: "Samuel", emailAddress: "sam@example.com", phoneNumber: null, createdAt: "2026-01-02T00:00:00.000Z" }),
        customer({ id: phoneA, givenName: "Pat", emailAddress: null, phoneNumber: "+1 (415) 555-0134", createdAt: "2026-01-03T00:00:00.000Z" }),
        customer({ id: phoneB, givenName: "Patricia", emailAddress: null, phoneNumber: "415.555.0134", createdAt: "2026-01-04T00:00:00.000Z" }),
      ],
      cards: [
        card({ id: `ccof:ada-${m}`, customerId: ada, last4: "4242", fingerprint: "fp-ada-visa", createdAt: "2026-03-02T19:00:00.000Z" }),
        card({ id: `ccof:old-${m}`, customerId: adaOld, last4: "0005", cardBrand: "AMERICAN_EXPRESS", enabled: false, disabledAt: "2026-02-01T00:00:00.000Z", fingerprint: "fp-old-amex" }),
        card({ id: `ccof:grace-${m}`, customerId: grace, last4: "1111" }),
      ],
      giftCards: [giftCard({ id: `gftc:ada-${m}`, gan, customerIds: [adaOld], balance: usd(4500), createdAt: "2026-01-01T00:00:00.000Z" })],
      orders: sales.map((s) => s.o),
      payments: sales.map((s) => s.p),
    });
    await applyToMirror(db(), m, { fetchedAt: new Date(), merges: [{ fromIds: [adaOld], toId: ada }], deletedCustomerIds: [adaOld] });
    await applyToMirror(db(), other, { fetchedAt: new Date(), customers: [customer({ id: `${ada}X`, givenName: "Other" })] });
    await recordCardConsent(db(), { merchantId: m, customerId: ada, cardId: `ccof:ada-${m}`, wordingVersion: "v1", page: `/customers/${ada}`, userAgent: "test", ip: null });
    await recordAudit(db(), { merchantId: m, actor: "seller:x", action: "card.saved", objectIds: [`ccof:ada-${m}`, ada] });
    await recordAudit(db(), { merchantId: m, actor: "buyer", action: "checkout.paid", objectIds: ["PAY", "ORD", adaOld] });
    await recordAudit(db(), { merchantId: m, actor: "seller:x", action: "customer.updated", objectIds: [grace] });
    await recordAudit(db(), { merchantId: other, actor: "seller:y", action: "customer.updated", objectIds: [ada] });
  });

  it("finds the profile by its own id or an id merged into it, with previous ids, note, birthday and address", async () => {
    for (const id of [ada, adaOld]) {
      const profile = await getCustomerProfile(db(), { merchantId: m, customerId: id });
      expect(profile).toMatchObject({ id: ada, givenName: "Ada", note: "Oat milk", birthday: "0000-12-10", previousIds: [adaOld], deleted: false });
      expect(profile!.address).toEqual({ addressLine1: "12 St James's Sq", addressLine2: null, locality: "London", administrativeDistrictLevel1: null, postalCode: null, country: "GB" });
    }
    expect(await customerIdGroup(db(), { merchantId: m, customerId: adaOld })).toEqual([ada, adaOld]);
    expect(await getCustomerProfile(db(), { merchantId: other, customerId: ada })).toBeNull();
    expect(await getCustomerProfile(db(), { merchantId: m, customerId: "NOPE" })).toBeNull();
  });

  it("lists cards on file across merged profiles, enabled first, with Patron's consent record", async () => {
    const cards = await listCustomerCards(db(), { merchantId: m, customerId: ada });
    expect(cards.map((c) => [c.last4, c.enabled, c.customerId])).toEqual([
      ["4242", true, ada],
      ["0005", false, adaOld],
    ]);
    expect(cards[0].consent).toMatchObject({ wordingVersion: "v1", page: `/customers/${ada}` });
    expect(cards[1].consent).toBeNull();
    expect(await listCustomerCards(db(), { merchantId: other, customerId: ada })).toEqual([]);
  });

  it("lists gift cards linked under any of the ids, with the id to unlink and the last payment made with them", async () => {
    const gifts = await listCustomerGiftCards(db(), { merchantId: m, customerId: ada });
    expect(gifts).toEqual([expect.objectContaining({ gan, linkedAs: adaOld, balance: usd(4500), state: "ACTIVE", lastActivityAt: "2026-03-03T18:00:00.000Z" })]);
    expect(await listCustomerGiftCards(db(), { merchantId: m, customerId: grace })).toEqual([]);
  });

  it("sums spend, visits and the average ticket from completed payments, and a monthly series in the shop's time zone", async () => {
    const summary = await getCustomerSpendSummary(db(), { merchantId: m, customerId: adaOld });
    expect(summary).toMatchObject({ lifetimeSpend: usd(4800), visits: 4, completedPayments: 4, averageTicket: usd(1200), firstVisitAt: "2026-01-10T18:00:00.000Z", lastVisitAt: "2026-03-04T18:00:00.000Z" });
    const series = await getCustomerSpendSeries(db(), { merchantId: m, customerId: ada, months: 3, now: "2026-03-20T12:00:00.000Z" });
    expect(series.map((p) => [p.month, p.spend.amount, p.payments])).toEqual([
      ["2026-01", 1000, 1],
      ["2026-02", 0, 0],
      ["2026-03", 3800, 3],
    ]);
    expect((await getCustomerSpendSummary(db(), { merchantId: m, customerId: "NOBODY" })).averageTicket).toBeNull();
  });

  it("offers to save the card of earlier card payments whose card is not on file already", async () => {
    const savable = await listSavableCardPayments(db(), { merchantId: m, customerId: ada });
    expect(savable.map((p) => p.id)).toEqual([`P1${m}`]);
  });

  it("shows the audit trail of the customer's merged ids only, newest first", async () => {
    const trail = await listCustomerAudit(db(), { merchantId: m, customerId: ada });
    expect(trail.map((e) => e.action)).toEqual(["checkout.paid", "card.saved"]);
    expect(trail[1].objectIds).toEqual([`ccof:ada-${m}`, ada]);
    expect(await listCustomerAudit(db(), { merchantId: other, customerId: grace })).toEqual([]);
  });

  it("groups possible duplicates by email ignoring case and by phone however typed", async () => {
    const groups = await listDuplicateCustomers(db(), { merchantId: m });
    expect(groups.map((g) => [g.reason, g.profiles.map((p) => p.id)])).toEqual([
      ["email", [dupA, dupB]],
      ["phone", [phoneA, phoneB]],
    ]);
    expect(await listDuplicateCustomers(db(), { merchantId: other })).toEqual([]);
  });

  it("sorts the directory by every column it shows", async () => {
    const ids = async (sort: Parameters<typeof listCustomers>[1]["sort"], direction: "asc" | "desc" = "desc") =>
      (await listCustomers(db(), { merchantId: m, sort, direction })).customers.map((c) => c.id);
    expect(new Set((await ids("cards")).slice(0, 2))).toEqual(new Set([ada, grace]));
    expect((await ids("giftCards"))[0]).toBe(ada);
    expect(new Set((await ids("email", "asc")).slice(-2))).toEqual(new Set([phoneA, phoneB]));
    expect((await ids("phone", "asc")).slice(0, 3)).toEqual([ada, phoneA, phoneB]);
  });
});
