import type { Square } from "square";
import type { EmulatorContext } from "../context";
import type { Store } from "../store/store";
import { sellerCountry } from "./customers";
import { searchKeys, type SearchKeys } from "./customer-search-keys";
import { textColumn, type TextColumn } from "./customer-text-column";
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
  /** The fields fuzzy filters search, by row. */
  emailText: TextColumn;
  phoneText: TextColumn;
  referenceText: TextColumn;
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

function build(rows: Iterable<Square.Customer>, country?: string): CustomerIndex {
  const index: CustomerIndex = {
    country,
    rows: [],
    keys: [],
    byEmail: new Map(),
    byPhone: new Map(),
    byReference: new Map(),
    emailText: textColumn([]),
    phoneText: textColumn([]),
    referenceText: textColumn([]),
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
  index.emailText = textColumn(index.keys.map((k) => k.emailTokens));
  index.phoneText = textColumn(index.keys.map((k) => k.phoneDigits));
  index.referenceText = textColumn(index.keys.map((k) => k.referenceTokens));
  return index;
}

function add(map: Map<string, number[]>, key: string, i: number) {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
