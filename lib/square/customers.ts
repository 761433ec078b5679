import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { toSafeNumber } from "./money";
import type { Customer, CustomerPage, CustomerRecord, RawObject, SquarePage } from "./types";
import { fromWire, toRaw } from "./wire";

export interface ListCustomersParams {
  cursor?: string;
  limit?: number;
}

/** One page of the seller's customers, newest first (ListCustomers). */
export async function listCustomers(client: SquareClient, params: ListCustomersParams = {}): Promise<CustomerPage> {
  const page = await callSquare(() =>
    client.customers.list({ cursor: params.cursor, limit: params.limit ?? 50, sortField: "CREATED_AT", sortOrder: "DESC" }),
  );
  return { customers: page.data.map(reshapeCustomer), cursor: page.response.cursor ?? null };
}

export function reshapeCustomer(c: Square.Customer): Customer {
  return {
    id: c.id ?? "",
    givenName: c.givenName ?? null,
    familyName: c.familyName ?? null,
    companyName: c.companyName ?? null,
    nickname: c.nickname ?? null,
    emailAddress: c.emailAddress ?? null,
    phoneNumber: c.phoneNumber ?? null,
    referenceId: c.referenceId ?? null,
    note: c.note ?? null,
    creationSource: c.creationSource ?? null,
    createdAt: c.createdAt ?? null,
    updatedAt: c.updatedAt ?? null,
    version: c.version === undefined ? 0 : toSafeNumber(c.version),
  };
}

export function toCustomerRecord(c: Square.Customer): CustomerRecord {
  return { ...reshapeCustomer(c), raw: toRaw(serialization.Customer, c) };
}

/** A customer as a webhook carried it (wire JSON), read through the SDK's schema. */
export function customerFromWire(raw: unknown): CustomerRecord {
  const customer = fromWire<Square.Customer>(serialization.Customer, raw);
  return { ...reshapeCustomer(customer), raw: raw as RawObject };
}

export interface TimeRange {
  startAt?: string;
  endAt?: string;
}

export interface SearchCustomersParams {
  createdAt?: TimeRange;
  updatedAt?: TimeRange;
  /** Oldest first by creation (resumable by time), instead of Square's default name order. */
  sortCreatedAtAsc?: boolean;
  cursor?: string | null;
  limit?: number;
}

/** One page of SearchCustomers with a created_at / updated_at range (both inclusive). */
export async function searchCustomers(client: SquareClient, params: SearchCustomersParams): Promise<SquarePage<CustomerRecord>> {
  const filter: Square.CustomerFilter = {};
  if (params.createdAt) filter.createdAt = params.createdAt;
  if (params.updatedAt) filter.updatedAt = params.updatedAt;
  const res = await callSquare(() =>
    client.customers.search({
      cursor: params.cursor ?? undefined,
      limit: BigInt(params.limit ?? 100),
      query: { filter, ...(params.sortCreatedAtAsc ? { sort: { field: "CREATED_AT", order: "ASC" } } : {}) },
    }),
  );
  return { items: (res.customers ?? []).map(toCustomerRecord), cursor: res.cursor ?? null };
}

/** How many customers ListCustomers counts (profiles with at least one identity field). */
export async function countCustomers(client: SquareClient): Promise<number> {
  const page = await callSquare(() => client.customers.list({ limit: 1, count: true }));
  return page.response.count === undefined ? 0 : toSafeNumber(page.response.count);
}

/**
 * BulkRetrieveCustomers (at most 100 ids). Each asked id maps to the profile Square answers with
 * (another id when it was merged away) or to null when Square no longer knows it.
 */
export async function bulkRetrieveCustomers(client: SquareClient, ids: string[]): Promise<Map<string, CustomerRecord | null>> {
  const result = new Map<string, CustomerRecord | null>();
  if (!ids.length) return result;
  const res = await callSquare(() => client.customers.bulkRetrieveCustomers({ customerIds: ids }));
  for (const id of ids) {
    const answer = res.responses?.[id];
    const code = answer?.errors?.[0]?.code;
    if (answer?.customer) result.set(id, toCustomerRecord(answer.customer));
    else if (!answer || code === "NOT_FOUND") result.set(id, null);
    else throw new Error(`BulkRetrieveCustomers failed for ${id}: ${code}`);
  }
  return result;
}

/** RetrieveCustomer; null when Square does not know the id. */
export async function getCustomerRecord(client: SquareClient, customerId: string): Promise<CustomerRecord | null> {
  return orNotFound(async () => {
    const res = await callSquare(() => client.customers.get({ customerId }));
    return res.customer ? toCustomerRecord(res.customer) : null;
  });
}
