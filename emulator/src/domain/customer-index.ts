import type { Square } from "square";
import type { EmulatorContext } from "../context";
import type { Store } from "../store/store";
import { sellerCountry } from "./customers";
import { searchKeys, type SearchKeys } from "./customer-search-keys";
import { hasIdentity } from "./customer-validation";
import { tables } from "./tables";

/**
 * A seller's searchable profiles (those with an identity field) in flat arrays, plus maps for the
 * exact filters, rebuilt only after that seller's customers change. This is what keeps
 * SearchCustomers fast over tens of thousands of profiles (see `npm run bench:emulator`).
 */
export interface CustomerIndex {
  country?: string;
  rows: Square.Customer[];
  keys: SearchKeys[];
  byEmail: Map<string, number[]>;
  byPhone: Map<string, number[]>;
  byReference: Map<string, number[]>;
  /** Fuzzy filters look for a token in one long string per field instead of visiting every row. */
  emailText: TextColumn;
  phoneText: TextColumn;
  referenceText: TextColumn;
}

/** Every row's value joined by newlines (which no search token contains), with where each row starts. */
export interface TextColumn {
  text: string;
  starts: number[];
}

const cache = new WeakMap<Store, Map<string, { stamp: number; index: CustomerIndex }>>();

export function customerIndex(ctx: EmulatorContext, merchantId: string): CustomerIndex {
  const table = tables(ctx.store).customers;
  const stamp = table.stamp(merchantId);
  let perSeller = cache.get(ctx.store);
  if (!perSeller) cache.set(ctx.store, (perSeller = new Map()));
  const hit = perSeller.get(merchantId);
  if (hit && hit.stamp === stamp) return hit.index;
  const index = build(table.values(merchantId), sellerCountry(ctx, merchantId));
  perSeller.set(merchantId, { stamp, index });
  return index;
}

/** Rows whose column value contains `needle`, in row order, found with indexOf jumps. */
export function rowsContaining(column: TextColumn, needle: string): number[] {
  const { text, starts } = column;
  const found: number[] = [];
  let at = needle ? text.indexOf(needle) : -1;
  while (at !== -1) {
    const row = rowAt(starts, at);
    found.push(row);
    at = row + 1 < starts.length ? text.indexOf(needle, starts[row + 1]) : -1;
  }
  return found;
}

function rowAt(starts: number[], offset: number): number {
  let [lo, hi] = [0, starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function column(values: string[]): TextColumn {
  const starts: number[] = [];
  let offset = 0;
  for (const value of values) {
    starts.push(offset);
    offset += value.length + 1;
  }
  return { text: values.join("\n"), starts };
}

function build(rows: Iterable<Square.Customer>, country?: string): CustomerIndex {
  const index: CustomerIndex = {
    country,
    rows: [],
    keys: [],
    byEmail: new Map(),
    byPhone: new Map(),
    byReference: new Map(),
    emailText: { text: "", starts: [] },
    phoneText: { text: "", starts: [] },
    referenceText: { text: "", starts: [] },
  };
  for (const row of rows) {
    if (!hasIdentity(row)) continue;
    const keys = searchKeys(row, country);
    const i = index.rows.push(row) - 1;
    index.keys.push(keys);
    add(index.byEmail, keys.email, i);
    add(index.byPhone, keys.phoneE164, i);
    add(index.byReference, keys.reference, i);
  }
  index.emailText = column(index.keys.map((k) => k.emailTokens));
  index.phoneText = column(index.keys.map((k) => k.phoneDigits));
  index.referenceText = column(index.keys.map((k) => k.referenceTokens));
  return index;
}

function add(map: Map<string, number[]>, key: string, i: number) {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
