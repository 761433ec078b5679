import "server-only";
import type { Square, SquareClient } from "square";
import { callSquare } from "./errors";
import { toSafeNumber } from "./money";
import type { Customer, CustomerPage } from "./types";

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
