import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { errors, SquareApiError } from "../http/errors";
import { ids } from "../ids";
import { emitCustomerEvent } from "./customer-events";
import { createCustomer, customerNotFound, hasIdentity, resolveCustomerId, type CustomerPatch } from "./customers";
import { CUSTOMER_FIELD_NAMES, type CustomerFields } from "./customer-validation";
import { tables } from "./tables";

const MAX_PROFILES = 100;

/**
 * What a seller's "Merge profiles" in the Dashboard does (Square has no public merge API): a new
 * profile with a new id and `creation_source: MERGE`, the old profiles deleted, their ids aliased
 * to the new one (RetrieveCustomer follows them), one `customer.created` and a `customer.deleted`
 * per old profile, all carrying `event_context.merge`. Cards, gift cards, orders and payments keep
 * the old ids untouched.
 */
export function mergeCustomers(ctx: EmulatorContext, merchantId: string, customerIds: string[]): Square.Customer {
  const sources = requireMergeable(ctx, merchantId, customerIds);
  const merged = storeMerged(ctx, merchantId, combineProfiles(sources));
  const t = tables(ctx.store);
  const from = new Set(customerIds);
  // Earlier merges pointed at ids that are now going away: point them at the survivor, so every old id resolves in one hop.
  for (const [alias, target] of [...t.customerAliases.entries(merchantId)])
    if (from.has(target)) t.customerAliases.put(merchantId, alias, merged.id!);
  for (const id of customerIds) {
    t.customerAliases.put(merchantId, id, merged.id!);
    t.customers.delete(merchantId, id);
  }
  const eventContext = { merge: { fromCustomerIds: customerIds, toCustomerId: merged.id! } };
  emitCustomerEvent(ctx, merchantId, "customer.created", merged, eventContext);
  for (const source of sources) emitCustomerEvent(ctx, merchantId, "customer.deleted", source, eventContext);
  return merged;
}

/** The live profiles named, in order; anything else is refused naming the offending entry. */
function requireMergeable(ctx: EmulatorContext, merchantId: string, customerIds: string[]): Square.Customer[] {
  if (customerIds.length < 2) throw errors.badRequest("ARRAY_LENGTH_TOO_SHORT", "A merge needs at least two customer ids.", "customer_ids");
  if (customerIds.length > MAX_PROFILES)
    throw errors.badRequest("ARRAY_LENGTH_TOO_LONG", `At most ${MAX_PROFILES} profiles can be merged at once.`, "customer_ids");
  const t = tables(ctx.store);
  return customerIds.map((id, i) => {
    const field = `customer_ids[${i}]`;
    if (customerIds.indexOf(id) !== i) throw errors.badRequest("INVALID_VALUE", `Customer \`${id}\` is listed twice.`, field);
    const customer = t.customers.get(merchantId, id);
    if (customer) return customer;
    const survivor = resolveCustomerId(ctx, merchantId, id);
    if (survivor)
      throw errors.badRequest("INVALID_VALUE", `Customer \`${id}\` was already merged into \`${survivor}\`; merge that profile instead.`, field);
    throw new SquareApiError(404, [{ ...customerNotFound(id).errors[0], field }]);
  });
}

const FIELDS = Object.keys(CUSTOMER_FIELD_NAMES) as (keyof CustomerFields)[];

/**
 * The merge rule: each field takes the most recently updated profile's non-empty value (an
 * address moves as a whole, never line by line); on equal `updated_at` the profile listed later
 * wins. An email opt-out on any profile carries over, so a merge never re-subscribes anyone.
 */
export function combineProfiles(sources: Square.Customer[]): { fields: CustomerPatch; emailUnsubscribed: boolean } {
  const newestFirst = sources
    .map((customer, i) => ({ customer, i }))
    .sort((a, b) => Date.parse(b.customer.updatedAt ?? "") - Date.parse(a.customer.updatedAt ?? "") || b.i - a.i)
    .map(({ customer }) => customer);
  const fields: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const donor = newestFirst.find((c) => !isEmpty(c[field]));
    if (donor) fields[field] = donor[field];
  }
  const emailUnsubscribed = sources.some((c) => c.preferences?.emailUnsubscribed === true);
  return { fields: fields as CustomerPatch, emailUnsubscribed };
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === "" || (typeof value === "object" && Object.keys(value as object).length === 0);

function storeMerged(ctx: EmulatorContext, merchantId: string, combined: ReturnType<typeof combineProfiles>): Square.Customer {
  const preferences = { emailUnsubscribed: combined.emailUnsubscribed };
  if (hasIdentity(combined.fields as Partial<CustomerFields>)) {
    try {
      const created = createCustomer(ctx, merchantId, combined.fields, { creationSource: "MERGE" });
      return tables(ctx.store).customers.put(merchantId, created.id!, { ...created, preferences });
    } catch (err) {
      if (!(err instanceof SquareApiError)) throw err;
      // A value the Customers API refuses but Square stored anyway (an instant profile's email): keep it as is.
    }
  }
  const now = ctx.clock.iso();
  const customer: Square.Customer = {
    id: ids.customer(),
    createdAt: now,
    updatedAt: now,
    ...(combined.fields as Partial<Square.Customer>),
    preferences,
    creationSource: "MERGE",
    version: 0n,
  };
  return tables(ctx.store).customers.put(merchantId, customer.id!, customer);
}
