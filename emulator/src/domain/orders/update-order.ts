import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { ids } from "../../ids";
import { sellerCurrency } from "../payments/seller-checks";
import { checkOrderFields, priced, writableFields } from "./build-order";
import { commitOrder, getOrder } from "./order-store";
import { isCaptured } from "./order-totals";
import { normalizeOrderContent } from "./order-validation";

type Listed = { uid?: string | null };
type Loose = Record<string, unknown>;
const LISTS = ["lineItems", "taxes", "discounts", "fulfillments"] as const;
const TERMINAL_FULFILLMENT = ["COMPLETED", "CANCELED", "FAILED"];

/**
 * UpdateOrder: a sparse change against the current `version`. Omitted fields stay, `null`
 * clears, list entries merge by `uid` (new uids are added), `fields_to_clear` removes by path.
 */
export function updateOrder(ctx: EmulatorContext, merchantId: string, id: string, patch: Square.Order, fieldsToClear: string[] = []): Square.Order {
  const current = getOrder(ctx, merchantId, id);
  if (patch.version === undefined || patch.version === null) throw errors.missing("order.version");
  if (patch.version !== current.version)
    throw errors.conflict("VERSION_MISMATCH", `The order is at version ${current.version}; the update was made against version ${patch.version}.`, "order.version");
  if (current.state === "COMPLETED" || current.state === "CANCELED")
    throw errors.badRequest("BAD_REQUEST", `A ${current.state} order cannot be updated.`, "order.state");
  if (patch.locationId && patch.locationId !== current.locationId)
    throw errors.badRequest("BAD_REQUEST", "An order's location_id cannot change.", "order.location_id");

  const changes = writableFields(patch);
  checkOrderFields(changes);
  const merged: Loose = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || key === "locationId") continue;
    if (value === null) delete merged[key];
    else if ((LISTS as readonly string[]).includes(key)) merged[key] = mergeByUid((merged[key] as Listed[]) ?? [], value as Listed[]);
    else if (key === "metadata") merged.metadata = mergeMetadata(current.metadata, value as Record<string, string | null>);
    else merged[key] = value;
  }
  let next = merged as unknown as Square.Order;
  for (const path of fieldsToClear) next = clearPath(next, path);
  next = dropRemovedReferences(current, next);

  checkTransition(current, next);
  const currency = sellerCurrency(ctx, merchantId);
  next = priced(normalizeOrderContent(next, currency, ids.uid), currency);
  if (next.state === "COMPLETED" && (next.netAmountDueMoney?.amount ?? 0n) > 0n)
    throw errors.badRequest("BAD_REQUEST", "An order must be fully paid before it is COMPLETED.", "order.state");
  return commitOrder(ctx, merchantId, next);
}

function checkTransition(current: Square.Order, next: Square.Order) {
  const from = current.state;
  const to = next.state;
  const allowed: Record<string, string[]> = { DRAFT: ["DRAFT", "OPEN", "CANCELED"], OPEN: ["OPEN", "COMPLETED", "CANCELED"] };
  if (!to || !allowed[from!]?.includes(to)) throw errors.badRequest("BAD_REQUEST", `An order cannot move from ${from} to ${to}.`, "order.state");
  if (to === "COMPLETED" && (next.fulfillments ?? []).some((f) => !TERMINAL_FULFILLMENT.includes(f.state ?? "")))
    throw errors.badRequest("BAD_REQUEST", "All fulfillments must be COMPLETED, CANCELED or FAILED before the order is completed.", "order.state");
  if (to === "CANCELED" && (current.tenders ?? []).some(isCaptured))
    throw errors.badRequest("BAD_REQUEST", "An order with captured payments cannot be canceled.", "order.state");
}

function mergeByUid(current: Listed[], changes: Listed[]): Listed[] {
  const merged = [...current];
  for (const change of changes) {
    const at = change.uid ? merged.findIndex((item) => item.uid === change.uid) : -1;
    if (at >= 0) merged[at] = withoutNulls({ ...merged[at], ...change });
    else merged.push(withoutNulls({ ...change }));
  }
  return merged;
}

function withoutNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

function mergeMetadata(current: Record<string, string | null> | null | undefined, changes: Record<string, string | null>) {
  const merged = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(changes)) if (v === null) delete merged[k];
  else merged[k] = v;
  return Object.keys(merged).length ? merged : undefined;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Removes what a `fields_to_clear` path names: `reference_id`, `metadata.key`, `line_items[uid].note`, `discounts[uid]`… */
function clearPath(order: Square.Order, path: string): Square.Order {
  const segments = path.split(".").map((part) => {
    const m = /^([a-z0-9_]+)(?:\[([^\]]+)\])?$/.exec(part);
    if (!m) throw errors.badRequest("INVALID_VALUE", `\`${path}\` is not a field path.`, "fields_to_clear");
    return { key: camel(m[1]), uid: m[2] };
  });
  const copy = structuredClone(order) as unknown as Loose;
  let node: Loose | undefined = copy;
  segments.forEach((seg, i) => {
    if (!node) return;
    const last = i === segments.length - 1;
    if (seg.uid === undefined) {
      if (last) delete node[seg.key];
      else node = node[seg.key] as Loose | undefined;
      return;
    }
    const list = node[seg.key] as Listed[] | undefined;
    const at = list?.findIndex((item) => item.uid === seg.uid) ?? -1;
    if (at < 0) node = undefined;
    else if (last) list!.splice(at, 1);
    else node = list![at] as Loose;
  });
  return copy as unknown as Square.Order;
}

/** A tax or discount taken off the order also leaves the lines that applied it. */
function dropRemovedReferences(current: Square.Order, next: Square.Order): Square.Order {
  const gone = (before: Listed[] | null | undefined, after: Listed[] | null | undefined) => {
    const kept = new Set((after ?? []).map((x) => x.uid));
    return new Set((before ?? []).map((x) => x.uid).filter((uid) => !kept.has(uid)));
  };
  const taxes = gone(current.taxes, next.taxes);
  const discounts = gone(current.discounts, next.discounts);
  if (!taxes.size && !discounts.size) return next;
  return {
    ...next,
    lineItems: next.lineItems?.map((line) => ({
      ...line,
      appliedTaxes: line.appliedTaxes?.filter((a) => !taxes.has(a.taxUid)),
      appliedDiscounts: line.appliedDiscounts?.filter((a) => !discounts.has(a.discountUid)),
    })),
  };
}
