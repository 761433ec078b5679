import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { errors, SquareApiError } from "../http/errors";
import { ids } from "../ids";
import { GLOBAL } from "../store/store";
import { hasIdentity, identityError, normaliseBirthday, validateCustomerFields, type CustomerFields } from "./customer-validation";
import { tables } from "./tables";

export { hasIdentity, type CustomerFields } from "./customer-validation";

/** A sparse change: undefined leaves a field alone, null (or "") clears it. */
export type CustomerPatch = { [K in keyof CustomerFields]?: CustomerFields[K] | null };

export interface NewCustomerOptions {
  /** THIRD_PARTY (made through the API) unless seeding or merging says otherwise. */
  creationSource?: Square.CustomerCreationSource;
  id?: string;
  /** Back-dated history for seeded data; defaults to now. */
  createdAt?: string;
}

/**
 * Customer profiles in the store, with Square's rules. These are the functions to use from other
 * code (demo data, merges, instant profiles) so every profile obeys the same validation as the API.
 * They do not raise webhooks: callers decide (see customer-events.ts).
 */
export function createCustomer(
  ctx: EmulatorContext,
  merchantId: string,
  fields: CustomerPatch,
  opts: NewCustomerOptions = {},
): Square.Customer {
  const clean = cleanFields(fields);
  const problems = validateCustomerFields(clean, sellerCountry(ctx, merchantId));
  if (!hasIdentity(clean)) problems.unshift(identityError());
  if (problems.length) throw new SquareApiError(400, problems);
  const createdAt = opts.createdAt ?? ctx.clock.iso();
  const customer: Square.Customer = {
    id: opts.id ?? ids.customer(),
    createdAt,
    updatedAt: createdAt,
    ...clean,
    preferences: { emailUnsubscribed: false },
    creationSource: opts.creationSource ?? "THIRD_PARTY",
    version: 0n,
  };
  return tables(ctx.store).customers.put(merchantId, customer.id!, customer);
}

/** UpdateCustomer: a stale `version` is 409 CONFLICT; merged-away ids are not followed (Square requires the new id). */
export function updateCustomer(
  ctx: EmulatorContext,
  merchantId: string,
  customerId: string,
  patch: CustomerPatch,
  version?: bigint,
): Square.Customer {
  const current = requireCustomer(ctx, merchantId, customerId, version);
  const problems = validateCustomerFields(cleanFields(patch), sellerCountry(ctx, merchantId));
  if (problems.length) throw new SquareApiError(400, problems);

  const next: Square.Customer = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof CustomerFields, CustomerPatch[keyof CustomerFields]][]) {
    if (value === undefined) continue;
    if (key === "address") {
      const address = cleanAddress({ ...current.address, ...(value as Square.Address | null) });
      if (value === null || !address) delete next.address;
      else next.address = address;
    } else if (value === null || value === "") delete next[key];
    else Object.assign(next, cleanFields({ [key]: value }));
  }
  if (!hasIdentity(next)) throw new SquareApiError(400, [identityError()]);
  next.version = (current.version ?? 0n) + 1n;
  next.updatedAt = ctx.clock.iso();
  return tables(ctx.store).customers.put(merchantId, customerId, next);
}

/** DeleteCustomer; returns the profile as it was, for the customer.deleted webhook. */
export function deleteCustomer(ctx: EmulatorContext, merchantId: string, customerId: string, version?: bigint): Square.Customer {
  const current = requireCustomer(ctx, merchantId, customerId, version);
  tables(ctx.store).customers.delete(merchantId, customerId);
  return current;
}

/** The live id for `customerId`, following merge aliases (and chains of them). */
export function resolveCustomerId(ctx: EmulatorContext, merchantId: string, customerId: string): string | undefined {
  const t = tables(ctx.store);
  let id = customerId;
  for (let hops = 0; hops < 32; hops++) {
    if (t.customers.get(merchantId, id)) return id;
    const next = t.customerAliases.get(merchantId, id);
    if (!next) return undefined;
    id = next;
  }
  return undefined; // an alias cycle: nothing survives
}

/** RetrieveCustomer: an id consumed by a merge answers with the surviving profile. */
export function retrieveCustomer(ctx: EmulatorContext, merchantId: string, customerId: string): Square.Customer | undefined {
  const id = resolveCustomerId(ctx, merchantId, customerId);
  return id ? tables(ctx.store).customers.get(merchantId, id) : undefined;
}

export function customerNotFound(customerId: string): SquareApiError {
  return errors.notFound(`Customer with ID \`${customerId}\` not found.`);
}

export function sellerCountry(ctx: EmulatorContext, merchantId: string): string | undefined {
  return tables(ctx.store).merchants.get(GLOBAL, merchantId)?.country;
}

function requireCustomer(ctx: EmulatorContext, merchantId: string, customerId: string, version?: bigint) {
  const current = tables(ctx.store).customers.get(merchantId, customerId);
  if (!current) throw customerNotFound(customerId);
  if (version !== undefined && version !== (current.version ?? 0n))
    throw errors.conflict("CONFLICT", `Version mismatch: the customer is at version ${current.version ?? 0n}, not ${version}.`, "version");
  return current;
}

/** Drops empty values, normalises the birthday and strips what Square ignores on customers. */
function cleanFields(fields: CustomerPatch): Partial<CustomerFields> {
  const out: Partial<CustomerFields> = {};
  for (const [key, value] of Object.entries(fields) as [keyof CustomerFields, unknown][]) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "address") {
      const address = cleanAddress(value as Square.Address);
      if (address) out.address = address;
    } else if (key === "taxIds") {
      const euVat = (value as Square.CustomerTaxIds).euVat;
      if (euVat) out.taxIds = { euVat };
    } else if (key === "birthday") out.birthday = normaliseBirthday(value as string) ?? (value as string);
    else (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The address's first_name / last_name are ignored on customer profiles, as Square documents. */
function cleanAddress(address: Square.Address): Square.Address | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(address))
    if (value !== null && value !== undefined && value !== "" && key !== "firstName" && key !== "lastName") out[key] = value;
  return Object.keys(out).length ? (out as Square.Address) : undefined;
}
