import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** A column of a JSON row set: its name (the table's column name) and PostgreSQL type. */
export type RowColumn = readonly [name: string, type: string];

/**
 * Rows passed to PostgreSQL as one JSON parameter and read back with jsonb_to_recordset. Batches
 * of a thousand orders with their items would otherwise be tens of thousands of bind parameters,
 * and building those costs more than the database work itself (measured with bench:backfill).
 */
export function jsonRows(rows: readonly object[], columns: readonly RowColumn[]): SQL {
  const definition = columns.map(([name, type]) => `"${name}" ${type}`).join(", ");
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${sql.raw(definition)})`;
}

/** `"a", "b", "c"` for an INSERT's column list or a SELECT of `r.` columns. */
export const columnList = (columns: readonly RowColumn[], prefix = ""): SQL => sql.raw(columns.map(([name]) => `${prefix}"${name}"`).join(", "));

/** `col = excluded.col, …` for ON CONFLICT DO UPDATE. */
export const setExcluded = (columns: readonly RowColumn[]): SQL => sql.raw(columns.map(([name]) => `"${name}" = excluded."${name}"`).join(", "));
