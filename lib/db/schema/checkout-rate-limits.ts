import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window hit counters for the public checkout ("ip:<addr>", "link:<id>"). In the database
 * rather than in memory so the limits hold across app instances sharing one PostgreSQL.
 */
export const checkoutRateLimits = pgTable(
  "checkout_rate_limits",
  {
    bucket: text("bucket").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);
