import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/** Who did what to which Square objects, per seller. Append-only. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    objectIds: text("object_ids").array().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_merchant_at_idx").on(t.merchantId, t.at)],
);
