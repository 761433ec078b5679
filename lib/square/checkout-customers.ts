import "server-only";
import type { SquareClient } from "square";
import { toCustomerRecord } from "./customers";
import { callSquare } from "./errors";
import type { CustomerRecord } from "./types";

/**
 * The oldest profile whose email (case-insensitive) or phone (E.164) equals the given one exactly
 * (SearchCustomers). Oldest, so that duplicates made elsewhere always resolve to the same profile.
 */
export async function findCustomerBy(client: SquareClient, by: { email: string } | { phone: string }): Promise<CustomerRecord | null> {
  const filter = "email" in by ? { emailAddress: { exact: by.email } } : { phoneNumber: { exact: by.phone } };
  const res = await callSquare(() => client.customers.search({ limit: BigInt(1), query: { filter, sort: { field: "CREATED_AT", order: "ASC" } } }));
  const found = res.customers?.[0];
  return found?.id ? toCustomerRecord(found) : null;
}

export interface CreateBuyerParams {
  idempotencyKey: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  note: string;
}

export async function createBuyerCustomer(client: SquareClient, params: CreateBuyerParams): Promise<CustomerRecord> {
  const res = await callSquare(() =>
    client.customers.create({
      idempotencyKey: params.idempotencyKey,
      givenName: params.givenName ?? undefined,
      familyName: params.familyName ?? undefined,
      emailAddress: params.email ?? undefined,
      phoneNumber: params.phone ?? undefined,
      note: params.note,
    }),
  );
  if (!res.customer?.id) throw new Error("CreateCustomer returned no customer.");
  return toCustomerRecord(res.customer);
}
