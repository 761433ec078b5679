import "server-only";
import { sql } from "drizzle-orm";
import { mirrorLocations } from "@/lib/db/schema";
import type { Location } from "@/lib/square/types";
import type { Tx } from "./mirror-lock";

/** Locations are few and unversioned; the latest listing simply wins. */
export async function upsertLocations(tx: Tx, merchantId: string, locations: Location[]): Promise<void> {
  if (!locations.length) return;
  await tx
    .insert(mirrorLocations)
    .values(locations.map((l) => ({ merchantId, id: l.id, name: l.name, status: l.status, timezone: l.timezone, currency: l.currency })))
    .onConflictDoUpdate({
      target: [mirrorLocations.merchantId, mirrorLocations.id],
      set: { name: sql`excluded.name`, status: sql`excluded.status`, timezone: sql`excluded.timezone`, currency: sql`excluded.currency` },
    });
}
