import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import { describeEachDatabase, testMerchantId } from "@/test/databases";
import type { Db } from "../open";
import { listAudit, recordAudit } from "./audit-log";
import { getCardConsent, listCardConsents, recordCardConsent } from "./card-consents";
import { recordCustomerAliases, resolveCustomerId } from "./customer-aliases";
import { upsertSeller } from "./sellers";
import { getWebhookEvent, markWebhookEventProcessed, recordWebhookEvent } from "./webhook-events";

const cipher = createTokenCipher(randomBytes(32).toString("base64"));

async function seller(db: Db): Promise<string> {
  const merchantId = testMerchantId();
  await upsertSeller(db, {
    merchantId,
    businessName: `Seller ${merchantId}`,
    mainLocationId: null,
    country: null,
    currency: null,
    scopes: [],
    accessToken: cipher.encrypt("a"),
    refreshToken: cipher.encrypt("r"),
    accessTokenExpiresAt: new Date(Date.now() + 86_400_000),
  });
  return merchantId;
}

// Every query is scoped by seller: each test writes for seller A and checks that seller B sees nothing.
describeEachDatabase("per-seller records", ({ db }) => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = await seller(db());
    b = await seller(db());
  });

  it("appends to the audit log, newest first, per seller", async () => {
    await recordAudit(db(), { merchantId: a, actor: "seller", action: "seller.connected", objectIds: [a] });
    await recordAudit(db(), { merchantId: a, actor: "seller", action: "customer.created", objectIds: ["CUST1"], details: { via: "test" } });
    const entries = await listAudit(db(), { merchantId: a });
    expect(entries.map((e) => e.action)).toEqual(["customer.created", "seller.connected"]);
    expect(entries[0]).toMatchObject({ actor: "seller", objectIds: ["CUST1"], details: { via: "test" } });
    expect(await listAudit(db(), { merchantId: b })).toEqual([]);
  });

  it("records card consents with wording, page and browser", async () => {
    const at = new Date("2026-01-02T03:04:05.000Z");
    await recordCardConsent(db(), { merchantId: a, customerId: "CUST1", cardId: "ccof:1", wordingVersion: "2026-01", page: "/pay/abc", userAgent: "UA", ip: "127.0.0.1", consentedAt: at });
    const [consent] = await listCardConsents(db(), { merchantId: a, customerId: "CUST1" });
    expect(consent).toMatchObject({ cardId: "ccof:1", wordingVersion: "2026-01", page: "/pay/abc", userAgent: "UA", ip: "127.0.0.1" });
    expect(consent.consentedAt.toISOString()).toBe(at.toISOString());
    expect(await getCardConsent(db(), { merchantId: a, cardId: "ccof:1" })).toMatchObject({ customerId: "CUST1" });
    expect(await listCardConsents(db(), { merchantId: b, customerId: "CUST1" })).toEqual([]);
    expect(await getCardConsent(db(), { merchantId: b, cardId: "ccof:1" })).toBeUndefined();
  });

  it("resolves merged customer ids, through chains of merges, per seller", async () => {
    await recordCustomerAliases(db(), { merchantId: a, oldCustomerIds: ["OLD1", "OLD2"], survivingCustomerId: "MID" });
    await recordCustomerAliases(db(), { merchantId: a, oldCustomerIds: ["MID", "OTHER"], survivingCustomerId: "NEW" });
    expect(await resolveCustomerId(db(), { merchantId: a, customerId: "OLD1" })).toBe("NEW");
    expect(await resolveCustomerId(db(), { merchantId: a, customerId: "MID" })).toBe("NEW");
    expect(await resolveCustomerId(db(), { merchantId: a, customerId: "NEW" })).toBe("NEW");
    expect(await resolveCustomerId(db(), { merchantId: b, customerId: "OLD1" })).toBe("OLD1");
  });

  it("recognises a redelivered webhook event by its event_id", async () => {
    const eventId = randomUUID();
    const event = { merchantId: a, eventId, type: "customer.created", payload: { event_id: eventId } };
    expect(await recordWebhookEvent(db(), event)).toBe(true);
    expect(await recordWebhookEvent(db(), event)).toBe(false);
    await markWebhookEventProcessed(db(), { merchantId: a, eventId, error: "boom" });
    expect(await getWebhookEvent(db(), { merchantId: a, eventId })).toMatchObject({ processedAt: null, processingError: "boom" });
    await markWebhookEventProcessed(db(), { merchantId: a, eventId });
    const stored = await getWebhookEvent(db(), { merchantId: a, eventId });
    expect(stored?.processedAt).toBeInstanceOf(Date);
    expect(stored?.processingError).toBeNull();
    expect(await getWebhookEvent(db(), { merchantId: b, eventId })).toBeUndefined();
  });

  it("refuses records for a seller that does not exist", async () => {
    await expect(recordAudit(db(), { merchantId: testMerchantId(), actor: "x", action: "y", objectIds: [] })).rejects.toThrow();
  });
});
