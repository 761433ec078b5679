import { z } from "zod";

/**
 * The filters of the Orders, Payments and Reports pages as they appear in the URL, so a filtered
 * view is a link a seller can share. Empty values mean "any"; anything else must be well formed,
 * and a bad value is reported by name rather than silently ignored.
 */

export const ORDER_STATES = ["OPEN", "COMPLETED", "CANCELED", "DRAFT"] as const;
export const PAYMENT_STATUSES = ["COMPLETED", "APPROVED", "PENDING", "CANCELED", "FAILED"] as const;
/** Square's CardBrand values (lib/square is the only SDK importer, so the list lives here). */
export const CARD_BRANDS = [
  "VISA",
  "MASTERCARD",
  "AMERICAN_EXPRESS",
  "DISCOVER",
  "DISCOVER_DINERS",
  "JCB",
  "CHINA_UNIONPAY",
  "SQUARE_GIFT_CARD",
  "INTERAC",
  "EFTPOS",
  "FELICA",
  "EBT",
  "OTHER_BRAND",
] as const;
export const CUSTOMER_FILTERS = ["with", "without"] as const;
export const PERIODS = ["day", "week"] as const;

/** One value per key: "" means any; a repeated key is refused with a message naming it. */
const one = <T extends z.ZodType>(schema: T, label: string) =>
  z.preprocess((v, ctx) => {
    if (!Array.isArray(v)) return v === "" ? undefined : v;
    ctx.addIssue({ code: "custom", message: `Give “${label}” once.` });
    return z.NEVER;
  }, schema.optional());

const date = (label: string) =>
  one(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `“${label}” must be a date like 2026-03-01.`, abort: true })
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `“${label}” is not a real date.`),
    label,
  );

const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  one(z.enum(values, { error: `“${label}” must be one of ${values.join(", ")}.` }), label);

const id = (label: string) => one(z.string().max(64, `“${label}” is too long.`).regex(/^[A-Za-z0-9_-]+$/, `“${label}” is not a valid id.`), label);

const RangeFields = {
  from: date("From"),
  to: date("To"),
  location: id("Location"),
};

/** Orders and payments share these. */
const ListFields = {
  ...RangeFields,
  source: one(z.string().max(100, "“Source” is too long."), "Source"),
  customer: choice(CUSTOMER_FILTERS, "Customer"),
  cursor: one(z.string().max(200).regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[A-Za-z0-9_:-]+$/, "The page link is not valid; start from the first page."), "Page"),
};

const ordered = <T extends { from?: string; to?: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "“To” must be on or after “From”." });
};

export const OrderFiltersSchema = z.object({ ...ListFields, state: choice(ORDER_STATES, "State") }).superRefine(ordered);

export const PaymentFiltersSchema = z
  .object({ ...ListFields, status: choice(PAYMENT_STATUSES, "Status"), brand: choice(CARD_BRANDS, "Card brand") })
  .superRefine(ordered);

export const ReportFiltersSchema = z.object({ ...RangeFields, period: choice(PERIODS, "Group by") }).superRefine(ordered);

export type OrderFilters = z.infer<typeof OrderFiltersSchema>;
export type PaymentFilters = z.infer<typeof PaymentFiltersSchema>;
export type ReportFilters = z.infer<typeof ReportFiltersSchema>;

export type SearchParams = Record<string, string | string[] | undefined>;

export type Parsed<T> = { ok: true; filters: T } | { ok: false; problems: string[] };

/** Validates a page's search params; problems are sentences a seller can act on. */
export function parseFilters<T>(schema: z.ZodType<T>, params: SearchParams | URLSearchParams): Parsed<T> {
  const raw = params instanceof URLSearchParams ? fromUrl(params) : params;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, filters: result.data };
  return { ok: false, problems: [...new Set(result.error.issues.map((i) => i.message))] };
}

function fromUrl(params: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** A Square object id from a URL path: letters, digits, "_", "-" and ":" (gift cards), at most 192. */
export const isSquareId = (id: string): boolean => /^[A-Za-z0-9_:-]{1,192}$/.test(id);
