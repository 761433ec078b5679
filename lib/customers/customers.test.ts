import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { uniquePhone } from "@/lib/checkout/test-support/checkout-seller";
import { listAudit } from "@/lib/db/queries/audit-log";
import { getCustomerProfile } from "@/lib/db/queries/customer-profile";
import { mirrorCustomers } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { testSquareConfig } from "@/test/square";
import { EMPTY_CUSTOMER_FORM, formValuesFromProfile, type CustomerFormValues } from "@/lib/validations/customers";
import { createCustomer, findExistingCustomers } from "./create-customer";
import { updateCustomer } from "./update-customer";
import { mirroredCustomer, newAttempt, opsSeller, type OpsSeller } from "./test-support/ops-seller";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const form = (values: Partial<CustomerFormValues>): CustomerFormValues => ({ ...EMPTY_CUSTOMER_FORM, ...values });

describeEachDatabase("creating and editing customers from the dashboard, at the local Square", ({ db }) => {
  const seller = async () => opsSeller(db(), await local.newSeller(), testSquareConfig(local));
  const calls = async (s: OpsSeller) => ((await (await local.admin("/_emulator/stats", undefined, s.square.accessToken)).json()) as { total: number; calls: Record<string, number> });
  const resetCalls = (s: OpsSeller) => local.admin("/_emulator/stats/reset", {}, s.square.accessToken);
  const atSquare = async (s: OpsSeller, customerId: string) => (await s.square.client.customers.get({ customerId })).customer!;
  const profile = async (s: OpsSeller, customerId: string) => (await getCustomerProfile(db(), { merchantId: s.square.merchantId, customerId }))!;

  it("creates a customer with every field, after checking Square has nobody with that email or phone", async () => {
    const s = await seller();
    const phone = uniquePhone();
    const email = `maya.${randomUUID().slice(0, 6)}@example.com`;
    const values = form({
      givenName: "Maya",
      familyName: "Chen",
      companyName: "Chen Bakery",
      emailAddress: email,
      phoneNumber: phone.national,
      birthday: "1990-12-10",
      referenceId: "LOYALTY-42",
      note: "Oat milk",
      addressLine1: "500 Market St",
      locality: "San Francisco",
      administrativeDistrictLevel1: "CA",
      postalCode: "94105",
      country: "us",
    });
    await resetCalls(s);
    const result = await createCustomer(s.ctx, { attemptId: newAttempt(), values });
    expect(result).toMatchObject({ ok: true, data: { customerId: expect.any(String) } });
    const customerId = result.ok && "customerId" in result.data ? result.data.customerId : "";
    expect((await calls(s)).calls).toEqual({ "POST /v2/customers/search": 2, "POST /v2/customers": 1 });
    expect(await atSquare(s, customerId)).toMatchObject({
      givenName: "Maya",
      companyName: "Chen Bakery",
      emailAddress: email,
      phoneNumber: phone.e164,
      birthday: "1990-12-10",
      referenceId: "LOYALTY-42",
      note: "Oat milk",
      address: { addressLine1: "500 Market St", locality: "San Francisco", administrativeDistrictLevel1: "CA", postalCode: "94105", country: "US" },
    });
    expect(formValuesFromProfile(await profile(s, customerId))).toEqual({ ...values, phoneNumber: phone.e164, country: "US" });
    expect(await listAudit(db(), { merchantId: s.square.merchantId })).toEqual([expect.objectContaining({ actor: `seller:${s.square.merchantId}`, action: "customer.created", objectIds: [customerId] })]);
  });

  it("warns about an existing profile with the same email (any case) or phone, and creates another only when told", async () => {
    const s = await seller();
    const phone = uniquePhone();
    const email = `sam.${randomUUID().slice(0, 6)}@example.com`;
    const byEmail = await mirroredCustomer(s, { givenName: "Sam", emailAddress: email });
    const byPhone = await mirroredCustomer(s, { givenName: "Samuel", phoneNumber: phone.e164 });
    const values = form({ givenName: "Sammy", emailAddress: email.toUpperCase(), phoneNumber: phone.national });
    const warned = await createCustomer(s.ctx, { attemptId: newAttempt(), values });
    expect(warned).toMatchObject({ ok: true, data: { duplicates: [expect.objectContaining({ id: byEmail, name: "Sam Lovelace" }), expect.objectContaining({ id: byPhone })] } });
    expect(await listAudit(db(), { merchantId: s.square.merchantId })).toEqual([]);

    const live = await findExistingCustomers(s.ctx, { emailAddress: "", phoneNumber: phone.national });
    expect(live).toMatchObject({ ok: true, data: [expect.objectContaining({ id: byPhone })] });

    const attemptId = newAttempt();
    const [a, b] = await Promise.all([createCustomer(s.ctx, { attemptId, allowDuplicate: true, values }), createCustomer(s.ctx, { attemptId, allowDuplicate: true, values })]);
    expect(a.ok && b.ok && "customerId" in a.data && "customerId" in b.data && a.data.customerId === b.data.customerId).toBe(true);
    const search = await s.square.client.customers.search({ query: { filter: { emailAddress: { exact: email } } } });
    expect(search.customers).toHaveLength(2);
  });

  it.each([
    ["no name, company, email or phone", form({ note: "Just a note" }), "form", "Give at least a first name, last name, company, email or phone number."],
    ["a malformed email", form({ emailAddress: "ada@" }), "emailAddress", "Enter a valid email address, like name@example.com."],
    ["a phone number that cannot exist", form({ phoneNumber: "+1 555 555 5555" }), "phoneNumber", "Enter a real phone number, with the country code (like +44) if it isn't a local number."],
    ["an impossible birthday", form({ givenName: "Ada", birthday: "02-30" }), "birthday", "Enter the birthday as YYYY-MM-DD, or MM-DD without the year."],
    ["a name longer than Square allows", form({ givenName: "A".repeat(301) }), "givenName", "A first name can be at most 300 characters."],
    ["a country that is not a code", form({ givenName: "Ada", country: "USA" }), "country", "Use the two-letter country code, like US or GB."],
  ])("refuses %s before asking Square", async (_, values, field, message) => {
    const s = await seller();
    await resetCalls(s);
    expect(await createCustomer(s.ctx, { attemptId: newAttempt(), values })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [message] } });
    expect((await calls(s)).total).toBe(0);
  });

  it("an edit sends only what changed, with the version it started from", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s, { emailAddress: `ada.${randomUUID().slice(0, 6)}@example.com`, note: "Likes scones", companyName: "Engines" });
    const before = await profile(s, customerId);
    const original = formValuesFromProfile(before);
    const result = await updateCustomer(s.ctx, { customerId, version: before.version, original, values: { ...original, givenName: "Augusta Ada", note: "", locality: "London" } });
    expect(result).toEqual({ ok: true, data: { customerId, version: 1 } });
    expect(await atSquare(s, customerId)).toMatchObject({ givenName: "Augusta Ada", familyName: "Lovelace", companyName: "Engines", address: { locality: "London" }, version: BigInt(1) });
    expect((await atSquare(s, customerId)).note).toBeUndefined();
    expect(await profile(s, customerId)).toMatchObject({ givenName: "Augusta Ada", note: null, version: 1 });
    expect((await listAudit(db(), { merchantId: s.square.merchantId }))[0]).toMatchObject({ action: "customer.updated", objectIds: [customerId], details: { fields: ["givenName", "note", "address"], fromVersion: 0, toVersion: 1 } });

    await resetCalls(s);
    expect(await updateCustomer(s.ctx, { customerId, version: 1, original: formValuesFromProfile(await profile(s, customerId)), values: formValuesFromProfile(await profile(s, customerId)) })).toEqual({
      ok: true,
      data: { customerId, version: 1 },
    });
    expect((await calls(s)).total).toBe(0);
  });

  it("a stale edit shows what someone else changed and overwrites nothing", async () => {
    const s = await seller();
    const email = `grace.${randomUUID().slice(0, 6)}@example.com`;
    const customerId = await mirroredCustomer(s, { givenName: "Grace", familyName: "Hopper", emailAddress: email });
    const seen = await profile(s, customerId);
    const original = formValuesFromProfile(seen);
    // Someone else, in Square's Dashboard, meanwhile.
    await s.square.client.customers.update({ customerId, emailAddress: "grace@navy.example.com", note: "Admiral" });

    const result = await updateCustomer(s.ctx, { customerId, version: seen.version, original, values: { ...original, familyName: "Murray Hopper" } });
    expect(result).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringMatching(/^Someone else changed this customer/),
      version: 1,
      changes: [
        { field: "emailAddress", label: "Email", was: email, now: "grace@navy.example.com" },
        { field: "note", label: "Note", was: "", now: "Admiral" },
      ],
      current: { familyName: "Hopper", emailAddress: "grace@navy.example.com", note: "Admiral" },
    });
    expect(await atSquare(s, customerId)).toMatchObject({ familyName: "Hopper", emailAddress: "grace@navy.example.com", version: BigInt(1) });
    const [mirrored] = await db().select().from(mirrorCustomers).where(and(eq(mirrorCustomers.merchantId, s.square.merchantId), eq(mirrorCustomers.id, customerId)));
    expect(mirrored).toMatchObject({ emailAddress: "grace@navy.example.com", version: 1 });
    expect(await listAudit(db(), { merchantId: s.square.merchantId })).toEqual([]);

    // Saving again from the version shown keeps both people's changes.
    const current = result.ok ? original : (result as { current: CustomerFormValues }).current;
    expect(await updateCustomer(s.ctx, { customerId, version: 1, original: current, values: { ...current, familyName: "Murray Hopper" } })).toEqual({ ok: true, data: { customerId, version: 2 } });
    expect(await atSquare(s, customerId)).toMatchObject({ familyName: "Murray Hopper", emailAddress: "grace@navy.example.com", note: "Admiral" });
  });

  it("refuses to edit another seller's customer before asking Square", async () => {
    const victim = await seller();
    const attacker = await seller();
    const customerId = await mirroredCustomer(victim);
    await resetCalls(attacker);
    const original = form({ givenName: "Ada", familyName: "Lovelace" });
    expect(await updateCustomer(attacker.ctx, { customerId, version: 0, original, values: { ...original, givenName: "Mallory" } })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await calls(attacker)).total).toBe(0);
    expect(await atSquare(victim, customerId)).toMatchObject({ givenName: "Ada", version: BigInt(0) });
  });
});
