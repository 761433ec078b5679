import "server-only";
import { serialization, type Square, type SquareClient } from "square";
import { callSquare, orNotFound } from "./errors";
import { toSafeNumber } from "./money";
import type { Customer, CustomerPage, CustomerRecord, RawObject, SquarePage } from "./types";
import { rawObject, toRaw } from "./wire";
import { requestWire } from "./wire-request";

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

/** A customer's fields from Square's wire form. */
function customerFields(c: serialization.Customer.Raw): Customer {
  return {
    id: c.id ?? "",
    givenName: c.given_name ?? null,
    familyName: c.family_name ?? null,
    companyName: c.company_name ?? null,
    nickname: c.nickname ?? null,
    emailAddress: c.email_address ?? null,
    phoneNumber: c.phone_number ?? null,
    referenceId: c.reference_id ?? null,
    note: c.note ?? null,
    creationSource: c.creation_source ?? null,
    createdAt: c.created_at ?? null,
    updatedAt: c.updated_at ?? null,
    version: c.version == null ? 0 : toSafeNumber(c.version),
  };
}

/** A customer the SDK returned. */
export const reshapeCustomer = (c: Square.Customer): Customer => customerFields(toRaw(serialization.Customer, c));

export function toCustomerRecord(c: Square.Customer): CustomerRecord {
  const raw = toRaw(serialization.Customer, c);
  return { ...customerFields(raw), raw };
}

/** A customer in Square's wire form (a webhook's, a listing's) as Patron keeps it (`raw` is that object itself). */
export function customerFromWire(raw: RawObject): CustomerRecord {
  return { ...customerFields(raw as serialization.Customer.Raw), raw };
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

/** One page of SearchCustomers with a created_at / updated_at range (both inclusive), read as wire JSON (wire-request.ts). */
export async function searchCustomers(client: SquareClient, params: SearchCustomersParams): Promise<SquarePage<CustomerRecord>> {
  const range = (r?: TimeRange) => (r ? { start_at: r.startAt, end_at: r.endAt } : undefined);
  const res = await requestWire<serialization.SearchCustomersResponse.Raw>(client, "/v2/customers/search", {
    method: "POST",
    body: {
      cursor: params.cursor ?? undefined,
      limit: params.limit ?? 100,
      query: {
        filter: { created_at: range(params.createdAt), updated_at: range(params.updatedAt) },
        ...(params.sortCreatedAtAsc ? { sort: { field: "CREATED_AT", order: "ASC" } } : {}),
      },
    },
  });
  return { items: (res.customers ?? []).map((c) => customerFromWire(rawObject(c))), cursor: res.cursor ?? null };
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
