import type { Square } from "square";
import { errors } from "../http/errors";
import { remembered } from "../http/result-cache";
import type { CustomerIndex } from "./customer-index";
import { toE164 } from "./customer-phone";
import { tokens, type SearchKeys } from "./customer-search-keys";
import { rowsContaining, type TextColumn } from "./customer-text-column";

type Test = (customer: Square.Customer, keys: SearchKeys) => boolean;

export interface CustomerOrder {
  field?: Square.CustomerSortField;
  order?: Square.SortOrder;
}

/**
 * ListCustomers / SearchCustomers over a seller's index (only profiles with an identity field are
 * in it): filters are ANDed (notes §2.5); exact filters narrow the candidates through the index's
 * maps before the other tests run; the order is DEFAULT (name) or CREATED_AT.
 */
export function findCustomers(index: CustomerIndex, filter: Square.CustomerFilter | undefined, order: CustomerOrder): Square.Customer[] {
  // The index is rebuilt whenever the seller's customers change, so a result can live as long as it does.
  const key = JSON.stringify({ filter, order }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  return remembered(index, key, "", () => search(index, filter, order));
}

function search(index: CustomerIndex, filter: Square.CustomerFilter | undefined, order: CustomerOrder): Square.Customer[] {
  const seeds: number[][] = [];
  const tests = filter ? compileFilter(filter, index, seeds) : [];
  const { rows, keys } = index;
  const matches = (i: number) => {
    for (const test of tests) if (!test(rows[i], keys[i])) return false;
    return true;
  };
  const hits: number[] = [];
  if (seeds.length) {
    for (const i of intersect(seeds)) if (matches(i)) hits.push(i);
  } else for (let i = 0; i < rows.length; i++) if (matches(i)) hits.push(i);

  const byCreated = order.field === "CREATED_AT";
  const sign = order.order === "DESC" ? -1 : 1;
  hits.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    const primary = byCreated ? ka.createdMs - kb.createdMs : compare(ka.sortName, kb.sortName);
    return sign * (primary || ka.createdMs - kb.createdMs || compare(rows[a].id ?? "", rows[b].id ?? ""));
  });
  return hits.map((i) => rows[i]);
}

/** Checks the filter as Square does (400s name the field) and turns it into row tests. */
function compileFilter(filter: Square.CustomerFilter, index: CustomerIndex, seeds: number[][]): Test[] {
  const tests: Test[] = [];
  const country = index.country;
  const source = filter.creationSource;
  if (source?.values?.length) {
    const values = new Set(source.values);
    const include = (source.rule ?? "INCLUDE") === "INCLUDE";
    tests.push((c) => values.has(c.creationSource ?? "OTHER") === include);
  }
  for (const [name, range, key] of [
    ["created_at", filter.createdAt, "createdMs"],
    ["updated_at", filter.updatedAt, "updatedMs"],
  ] as const) {
    if (!range) continue;
    const start = time(range.startAt, `query.filter.${name}.start_at`) ?? -Infinity;
    const end = time(range.endAt, `query.filter.${name}.end_at`) ?? Infinity;
    if (start > end) throw errors.badRequest("INVALID_TIME_RANGE", "start_at must not be after end_at.", `query.filter.${name}`);
    tests.push((_c, k) => k[key] >= start && k[key] <= end);
  }
  const email = text(filter.emailAddress, "query.filter.email_address");
  if (email?.exact !== undefined) {
    const wanted = email.exact.toLowerCase();
    seeds.push(index.byEmail.get(wanted) ?? []);
    tests.push((_c, k) => k.email === wanted);
  } else if (email) tests.push(fuzzy(email.fuzzy, "emailTokens", index.emailText, seeds));
  const phone = text(filter.phoneNumber, "query.filter.phone_number");
  if (phone?.exact !== undefined) {
    const wanted = toE164(phone.exact, country);
    seeds.push((wanted && index.byPhone.get(wanted)) || []);
    tests.push((_c, k) => !!wanted && k.phoneE164 === wanted);
  } else if (phone) {
    const parts = phone.fuzzy.split(/\s+/).map((t) => t.replace(/\D/g, "")).filter(Boolean);
    seedsFor(index.phoneText, parts, seeds);
    tests.push((_c, k) => containsAll(k.phoneDigits, parts));
  }
  const reference = text(filter.referenceId, "query.filter.reference_id");
  if (reference?.exact !== undefined) {
    const wanted = reference.exact.toLowerCase();
    seeds.push(index.byReference.get(wanted) ?? []);
    tests.push((_c, k) => k.reference === wanted);
  } else if (reference) tests.push(fuzzy(reference.fuzzy, "referenceTokens", index.referenceText, seeds));
  if (filter.groupIds) tests.push(membership(filter.groupIds));
  checkSegments(filter.segmentIds);
  const custom = filter.customAttribute?.filters?.[0];
  if (custom)
    throw errors.badRequest("NOT_FOUND", `Custom attribute definition with key \`${custom.key}\` not found.`, "query.filter.custom_attribute.filters[0].key");
  return tests;
}

type TextQuery = { exact: string; fuzzy?: undefined } | { exact?: undefined; fuzzy: string };

function text(filter: Square.CustomerTextFilter | undefined, field: string): TextQuery | undefined {
  if (!filter) return undefined;
  const { exact, fuzzy } = filter;
  if (exact != null && fuzzy != null)
    throw errors.badRequest("CONFLICTING_PARAMETERS", "Use either exact or fuzzy, not both.", field);
  if (exact != null) return { exact };
  if (fuzzy != null) return { fuzzy };
  throw errors.badRequest("MISSING_REQUIRED_PARAMETER", "One of exact or fuzzy must be set.", field);
}

/** Every query token must occur within the field's tokens, in any order. */
function fuzzy(query: string, key: "emailTokens" | "referenceTokens", column: TextColumn, seeds: number[][]): Test {
  const parts = tokens(query);
  seedsFor(column, parts, seeds);
  return (_c, k) => containsAll(k[key], parts);
}

/** Candidates for a fuzzy filter: the rows holding each of its tokens (at most the two longest). */
function seedsFor(column: TextColumn, parts: string[], seeds: number[][]) {
  if (!parts.length) return seeds.push([]);
  for (const part of [...parts].sort((a, b) => b.length - a.length).slice(0, 2)) seeds.push(rowsContaining(column, part));
}

/** Rows present in every (ascending) candidate list, walking from the shortest list. */
function intersect(lists: number[][]): number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0];
  for (let l = 1; l < sorted.length && result.length; l++) {
    const other = sorted[l];
    const kept: number[] = [];
    let j = 0;
    for (const i of result) {
      while (j < other.length && other[j] < i) j++;
      if (other[j] === i) kept.push(i);
    }
    result = kept;
  }
  return result;
}

// A plain loop: this runs once per profile per search, so no closures here.
function containsAll(text: string, parts: string[]): boolean {
  if (parts.length === 0) return false;
  for (let i = 0; i < parts.length; i++) if (!text.includes(parts[i])) return false;
  return true;
}

function membership(value: Square.FilterValue): Test {
  const { any, all, none } = value;
  return (c) => {
    const ids = new Set(c.groupIds ?? []);
    if (any?.length && !any.some((id) => ids.has(id))) return false;
    if (all?.length && !all.every((id) => ids.has(id))) return false;
    return !none?.some((id) => ids.has(id));
  };
}

/** The local Square has no segments, so any segment id is unknown (Square: 400 naming it). */
function checkSegments(value: Square.FilterValue | undefined) {
  const segmentIds = [...(value?.any ?? []), ...(value?.all ?? []), ...(value?.none ?? [])];
  if (segmentIds.length > 3)
    throw errors.badRequest("ARRAY_LENGTH_TOO_LONG", "At most 3 segment ids may be given.", "query.filter.segment_ids");
  if (segmentIds.length) throw errors.badRequest("BAD_REQUEST", `Segment with id \`${segmentIds[0]}\` not found.`, "query.filter.segment_ids");
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function time(value: string | null | undefined, field: string): number | undefined {
  if (value == null) return undefined;
  const ms = Date.parse(value);
  if (!RFC3339.test(value) || Number.isNaN(ms)) throw errors.badRequest("INVALID_TIME", "Expected an RFC 3339 timestamp.", field);
  return ms;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
