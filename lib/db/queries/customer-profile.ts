import "server-only";
import { sql } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "../open";
import { isoOrNull, num, rowsOf } from "./mirror-sql";

export interface CustomerProfileParams {
  merchantId: string;
  /** Any of the customer's ids: a merged-away id finds the surviving profile. */
  customerId: string;
}

export interface ProfileAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  locality: string | null;
  administrativeDistrictLevel1: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface CustomerProfile {
  /** The surviving profile's id. */
  id: string;
  givenName: string | null;
  familyName: string | null;
  companyName: string | null;
  nickname: string | null;
  emailAddress: string | null;
  phoneNumber: string | null;
  referenceId: string | null;
  note: string | null;
  /** As Square returns it: YYYY-MM-DD, with year 0000 when none was given. */
  birthday: string | null;
  address: ProfileAddress | null;
  creationSource: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** Square's version: edits send it back so a concurrent change is noticed. */
  version: number;
  deleted: boolean;
  /** Ids of the profiles merged into this one (all of a chain of merges). */
  previousIds: string[];
}

/** One customer as the mirror knows them, found by any of their ids; null when the mirror has no such profile. */
export function getCustomerProfile(db: Db, params: CustomerProfileParams): Promise<CustomerProfile | null> {
  return getCustomerProfileOnce(db, params.merchantId, params.customerId);
}

// Once per request: the customer page and its profile panel both read it.
const getCustomerProfileOnce = cache(async (db: Db, m: string, customerId: string): Promise<CustomerProfile | null> => {
  const result = await db.execute(sql`
    WITH target AS (
      SELECT coalesce((SELECT surviving_customer_id FROM customer_aliases WHERE merchant_id = ${m} AND old_customer_id = ${customerId}), ${customerId}) AS id
    )
    SELECT c.id, c.given_name, c.family_name, c.company_name, c.nickname, c.email_address, c.phone_number, c.reference_id, c.creation_source,
      c.created_at, c.updated_at, c.version, c.deleted_at, c.raw->>'note' AS note, c.raw->>'birthday' AS birthday, c.raw->'address' AS address,
      (SELECT coalesce(json_agg(a.old_customer_id ORDER BY a.created_at, a.old_customer_id), '[]'::json)
        FROM customer_aliases a WHERE a.merchant_id = ${m} AND a.surviving_customer_id = c.id) AS previous_ids
    FROM mirror_customers c
    WHERE c.merchant_id = ${m} AND c.id = (SELECT id FROM target)`);
  const [r] = rowsOf<Record<string, unknown>>(result);
  if (!r) return null;
  const s = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v));
  return {
    id: String(r.id),
    givenName: s(r.given_name),
    familyName: s(r.family_name),
    companyName: s(r.company_name),
    nickname: s(r.nickname),
    emailAddress: s(r.email_address),
    phoneNumber: s(r.phone_number),
    referenceId: s(r.reference_id),
    note: s(r.note),
    birthday: s(r.birthday),
    address: addressFromWire(parse(r.address)),
    creationSource: s(r.creation_source),
    createdAt: isoOrNull(r.created_at),
    updatedAt: isoOrNull(r.updated_at),
    version: num(r.version),
    deleted: r.deleted_at !== null && r.deleted_at !== undefined,
    previousIds: (parse(r.previous_ids) as string[] | null) ?? [],
  };
});

const parse = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/** Square's wire address (snake_case) as the fields the dashboard shows and edits. */
export function addressFromWire(raw: unknown): ProfileAddress | null {
  if (!raw || typeof raw !== "object") return null;
  const a = raw as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === "string" && v ? v : null);
  const address = {
    addressLine1: s(a.address_line_1),
    addressLine2: s(a.address_line_2),
    locality: s(a.locality),
    administrativeDistrictLevel1: s(a.administrative_district_level_1),
    postalCode: s(a.postal_code),
    country: s(a.country),
  };
  return Object.values(address).some(Boolean) ? address : null;
}

/** Every id of the customer's merged group, surviving id first (for filters on ids as Square recorded them). */
export async function customerIdGroup(db: Db, { merchantId: m, customerId }: CustomerProfileParams): Promise<string[]> {
  const result = await db.execute(sql`
    WITH target AS (
      SELECT coalesce((SELECT surviving_customer_id FROM customer_aliases WHERE merchant_id = ${m} AND old_customer_id = ${customerId}), ${customerId}) AS id
    )
    SELECT id, 0 AS o FROM target
    UNION ALL SELECT old_customer_id, 1 FROM customer_aliases WHERE merchant_id = ${m} AND surviving_customer_id = (SELECT id FROM target)
    ORDER BY o, id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
