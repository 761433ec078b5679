import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { GLOBAL } from "../../store/store";
import { tables } from "../tables";

/**
 * Checks the money APIs share: the seller's currency and locations, Square's money rules and
 * string limits. Each throws Square's 400/404 with the offending field.
 */
export function sellerCurrency(ctx: EmulatorContext, merchantId: string): Square.Currency {
  return (tables(ctx.store).merchants.get(GLOBAL, merchantId)?.currency ?? "USD") as Square.Currency;
}

export function mainLocationId(ctx: EmulatorContext, merchantId: string): string {
  return tables(ctx.store).merchants.get(GLOBAL, merchantId)?.mainLocationId ?? "";
}

/** The seller's location with this id; `main` names the main location, as in RetrieveLocation. */
export function requireLocation(ctx: EmulatorContext, merchantId: string, id: string, field: string): Square.Location {
  const resolved = id === "main" ? mainLocationId(ctx, merchantId) : id;
  const location = tables(ctx.store).locations.get(merchantId, resolved);
  if (!location) throw errors.notFound(`Location \`${id}\` not found.`, field);
  return location;
}

/** Money in the seller's currency; `positive` refuses zero and below, otherwise negatives only. */
export function checkMoney(money: Square.Money | undefined, field: string, currency: string, opts: { positive?: boolean; required?: boolean } = {}) {
  if (!money) {
    if (opts.required) throw errors.missing(field);
    return;
  }
  if (money.amount === undefined || money.amount === null) throw errors.missing(`${field}.amount`);
  if (!money.currency) throw errors.missing(`${field}.currency`);
  if (money.currency !== currency)
    throw errors.badRequest("CURRENCY_MISMATCH", `This merchant can only process payments in ${currency}, but amount was provided in ${money.currency}.`, `${field}.currency`);
  if (opts.positive ? money.amount <= 0n : money.amount < 0n)
    throw errors.badRequest("VALUE_TOO_LOW", `\`${field}.amount\` must be ${opts.positive ? "greater than 0" : "at least 0"}.`, `${field}.amount`);
}

export function checkLength(value: string | null | undefined, field: string, max: number, min = 0) {
  if (value === undefined || value === null) return;
  const length = [...value].length;
  if (length < min)
    throw errors.badRequest(min === 1 && length === 0 ? "VALUE_EMPTY" : "VALUE_TOO_SHORT", `Field must have a length of at least ${min}.`, field);
  if (length > max) throw errors.badRequest("VALUE_TOO_LONG", `Field must not be greater than ${max} length.`, field);
}

export function requireKey(value: string | undefined, field: string, max: number) {
  if (value === undefined) throw errors.missing(field);
  checkLength(value, field, max, 1);
}

/** RFC 3339 timestamps in query strings and filters. */
export function parseTime(value: string | null | undefined, field: string): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) throw errors.badRequest("INVALID_TIME", `Invalid RFC 3339 timestamp \`${value}\`.`, field);
  return ms;
}

export const money = (amount: bigint, currency: string): Square.Money => ({ amount, currency: currency as Square.Currency });

/**
 * A page size from a query string. Square refuses out-of-range limits on most lists
 * (VALUE_TOO_LOW/HIGH) but ListPayments silently falls back to its default: `clamp` picks that.
 */
export function parseLimit(raw: string | undefined, opts: { max: number; fallback: number; clamp?: boolean; field?: string }): number {
  const field = opts.field ?? "limit";
  if (raw === undefined || raw === "") return opts.fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw errors.badRequest("EXPECTED_INTEGER", `Expected an integer for \`${field}\`.`, field);
  if (n < 1) {
    if (opts.clamp) return opts.fallback;
    throw errors.badRequest("VALUE_TOO_LOW", `\`${field}\` must be at least 1.`, field);
  }
  if (n > opts.max) {
    if (opts.clamp) return opts.fallback;
    throw errors.badRequest("VALUE_TOO_HIGH", `\`${field}\` must be at most ${opts.max}.`, field);
  }
  return n;
}

export function parseEnum<T extends string>(raw: string | undefined, allowed: readonly T[], field: string, code = "INVALID_ENUM_VALUE"): T | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!(allowed as readonly string[]).includes(raw)) throw errors.badRequest(code, `\`${raw}\` is not a valid value for \`${field}\`.`, field);
  return raw as T;
}
