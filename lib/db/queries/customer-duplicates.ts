import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../open";
import { isoOrNull, rowsOf } from "./mirror-sql";

export interface DuplicateProfile {
  id: string;
  givenName: string | null;
  familyName: string | null;
  companyName: string | null;
  emailAddress: string | null;
  phoneNumber: string | null;
  createdAt: string | null;
}

export interface DuplicateGroup {
  /** What the profiles share: the same email (any case) or the same phone number (last 10 digits). */
  reason: "email" | "phone";
  /** The shared value, as one of the profiles has it. */
  value: string;
  profiles: DuplicateProfile[];
}

/**
 * Live profiles that look like one person twice: the same email address ignoring case, or the same
 * phone number however it was typed (the last 10 digits). Oldest profile first in each group.
 */
export async function listDuplicateCustomers(db: Db, { merchantId: m, limit = 100 }: { merchantId: string; limit?: number }): Promise<DuplicateGroup[]> {
  const result = await db.execute(sql`
    WITH live AS (
      SELECT c.id, c.given_name, c.family_name, c.company_name, c.email_address, c.phone_number, c.created_at,
        nullif(lower(trim(c.email_address)), '') AS email_key,
        CASE WHEN length(c.phone_digits) >= 7 THEN right(c.phone_digits, 10) END AS phone_key
      FROM mirror_customers c
      WHERE c.merchant_id = ${m} AND c.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM customer_aliases a WHERE a.merchant_id = ${m} AND a.old_customer_id = c.id)
    ),
    keyed AS (
      SELECT 'email' AS reason, email_key AS key, * FROM live WHERE email_key IS NOT NULL
      UNION ALL SELECT 'phone', phone_key, * FROM live WHERE phone_key IS NOT NULL
    ),
    groups AS (SELECT reason, key FROM keyed GROUP BY reason, key HAVING count(*) > 1)
    SELECT k.reason, k.key, k.id, k.given_name, k.family_name, k.company_name, k.email_address, k.phone_number, k.created_at
    FROM keyed k JOIN groups g ON g.reason = k.reason AND g.key = k.key
    ORDER BY k.reason, k.key, k.created_at NULLS LAST, k.id`);
  const groups = new Map<string, DuplicateGroup>();
  for (const r of rowsOf<Record<string, unknown>>(result)) {
    const key = `${r.reason}|${r.key}`;
    const reason = r.reason === "email" ? "email" : "phone";
    const profile: DuplicateProfile = {
      id: String(r.id),
      givenName: (r.given_name as string) ?? null,
      familyName: (r.family_name as string) ?? null,
      companyName: (r.company_name as string) ?? null,
      emailAddress: (r.email_address as string) ?? null,
      phoneNumber: (r.phone_number as string) ?? null,
      createdAt: isoOrNull(r.created_at),
    };
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { reason, value: (reason === "email" ? profile.emailAddress : profile.phoneNumber) ?? String(r.key), profiles: [] }));
    group.profiles.push(profile);
  }
  return [...groups.values()].slice(0, limit);
}
