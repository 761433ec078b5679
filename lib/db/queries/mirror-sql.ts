import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { getTableColumns } from "drizzle-orm";

/**
 * Small helpers shared by the mirror's writers (lib/sync) and readers (lib/db/queries). Raw SQL
 * results differ a little between engines and drivers (timestamps and int8 arrive as strings), so
 * every raw row goes through these converters.
 */

/** A JS string array as one `text[]` parameter (any length, unlike `IN (…)`). */
export const textArray = (values: readonly string[]): SQL => sql`${sql.param([...values])}::text[]`;

/** A timestamp column from a raw row as ISO 8601, or null. */
export function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An int8 / numeric column from a raw row as a number (0 when null). */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** The rows of a `db.execute()` result on either engine. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** `SET col = excluded.col` for every column of `table` except `keep` (for ON CONFLICT DO UPDATE). */
export function excludedExcept<T extends PgTable>(table: T, keep: string[]): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table)) as [string, PgColumn][]) {
    if (!keep.includes(key)) set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

/** Splits rows so one INSERT stays well under PostgreSQL's 65,535 bind parameters. */
export function chunksFor<T>(rows: T[], columnsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(30_000 / Math.max(1, columnsPerRow)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

export const dateOrNull = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);
