import "server-only";
import type { Square, SquareClient } from "square";
import { toCustomerRecord } from "./customers";
import { callSquare } from "./errors";
import type { CustomerRecord } from "./types";

/** The parts of a customer profile the dashboard edits. Null means empty (cleared on update). */
export interface CustomerFields {
  givenName: string | null;
  familyName: string | null;
  companyName: string | null;
  emailAddress: string | null;
  phoneNumber: string | null;
  /** YYYY-MM-DD, or MM-DD without a year. */
  birthday: string | null;
  referenceId: string | null;
  note: string | null;
  address: CustomerAddress | null;
}

export interface CustomerAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  locality: string | null;
  administrativeDistrictLevel1: string | null;
  postalCode: string | null;
  /** ISO 3166 alpha-2. */
  country: string | null;
}

const ADDRESS_KEYS = ["addressLine1", "addressLine2", "locality", "administrativeDistrictLevel1", "postalCode", "country"] as const;

function toSquareAddress(address: CustomerAddress | null): Square.Address {
  const out: Square.Address = {};
  for (const key of ADDRESS_KEYS) {
    const value = address?.[key] ?? null;
    if (key === "country") {
      if (value) out.country = value as Square.Country;
    } else out[key] = value;
  }
  return out;
}

/** CreateCustomer; the key makes a double submit return the same profile. */
export async function createCustomerProfile(client: SquareClient, idempotencyKey: string, fields: CustomerFields): Promise<CustomerRecord> {
  const f = (value: string | null) => value ?? undefined;
  const res = await callSquare(() =>
    client.customers.create({
      idempotencyKey,
      givenName: f(fields.givenName),
      familyName: f(fields.familyName),
      companyName: f(fields.companyName),
      emailAddress: f(fields.emailAddress),
      phoneNumber: f(fields.phoneNumber),
      birthday: f(fields.birthday),
      referenceId: f(fields.referenceId),
      note: f(fields.note),
      ...(fields.address ? { address: toSquareAddress(fields.address) } : {}),
    }),
  );
  if (!res.customer?.id) throw new Error("CreateCustomer returned no customer.");
  return toCustomerRecord(res.customer);
}

export interface UpdateCustomerParams {
  customerId: string;
  /** The version the seller saw: Square refuses the update when the profile has changed since. */
  version: number;
  /** Only the fields that changed; null clears a field. */
  changes: Partial<CustomerFields>;
}

/** UpdateCustomer, sparse, guarded by `version` (a stale one is 409 CONFLICT at Square). */
export async function updateCustomerProfile(client: SquareClient, params: UpdateCustomerParams): Promise<CustomerRecord> {
  const { address, ...rest } = params.changes;
  const res = await callSquare(() =>
    client.customers.update({
      customerId: params.customerId,
      version: BigInt(params.version),
      ...rest,
      ...(address !== undefined ? { address: toSquareAddress(address) } : {}),
    }),
  );
  if (!res.customer?.id) throw new Error("UpdateCustomer returned no customer.");
  return toCustomerRecord(res.customer);
}

/**
 * Profiles Square already has with exactly this email (any case) or phone number (SearchCustomers,
 * one search each: Square's filters AND together), oldest first, without repeats.
 */
export async function findCustomersByContact(client: SquareClient, contact: { email: string | null; phone: string | null }): Promise<CustomerRecord[]> {
  const filters: Square.CustomerFilter[] = [];
  if (contact.email) filters.push({ emailAddress: { exact: contact.email } });
  if (contact.phone) filters.push({ phoneNumber: { exact: contact.phone } });
  const pages = await Promise.all(
    filters.map((filter) => callSquare(() => client.customers.search({ limit: BigInt(5), query: { filter, sort: { field: "CREATED_AT", order: "ASC" } } }))),
  );
  const seen = new Map<string, CustomerRecord>();
  for (const page of pages) for (const c of page.customers ?? []) if (c.id && !seen.has(c.id)) seen.set(c.id, toCustomerRecord(c));
  return [...seen.values()];
}
