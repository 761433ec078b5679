import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { remembered } from "../../http/result-cache";
import { parseTime, requireLocation } from "../payments/seller-checks";
import { tables } from "../tables";

type DateField = "createdAt" | "updatedAt" | "closedAt";
const SORT_FIELD: Record<DateField, Square.SearchOrdersSortField> = { createdAt: "CREATED_AT", updatedAt: "UPDATED_AT", closedAt: "CLOSED_AT" };
const BY_SORT: Record<string, DateField> = { CREATED_AT: "createdAt", UPDATED_AT: "updatedAt", CLOSED_AT: "closedAt" };
const WIRE: Record<DateField, string> = { createdAt: "created_at", updatedAt: "updated_at", closedAt: "closed_at" };

/**
 * SearchOrders over 1–10 of the seller's locations. Filters are ANDed; the customer filter
 * matches the order's `customer_id` or any tender's; a date filter's field must also be the sort
 * field, and sorting by CLOSED_AT needs a state filter limited to closed states.
 */
export function searchOrders(ctx: EmulatorContext, merchantId: string, r: Square.SearchOrdersRequest): Square.Order[] {
  const locationIds = r.locationIds ?? [];
  if (!locationIds.length) throw errors.missing("location_ids");
  if (locationIds.length > 10) throw errors.badRequest("ARRAY_LENGTH_TOO_LONG", "At most 10 location_ids are allowed.", "location_ids");
  locationIds.forEach((id, i) => requireLocation(ctx, merchantId, id, `location_ids[${i}]`));
  const filter = r.query?.filter ?? {};
  const sortField = r.query?.sort?.sortField ?? "CREATED_AT";
  const sortOrder = r.query?.sort?.sortOrder ?? "DESC";

  const dates = Object.entries(filter.dateTimeFilter ?? {}).filter(([, range]) => range) as [DateField, Square.TimeRange][];
  if (dates.length > 1) throw errors.badRequest("BAD_REQUEST", "A date_time_filter may set only one of created_at, updated_at and closed_at.", "query.filter.date_time_filter");
  const [dateField, range] = dates[0] ?? [];
  if (dateField && SORT_FIELD[dateField] !== sortField)
    throw errors.badRequest("BAD_REQUEST", `Filtering on ${WIRE[dateField]} requires sorting by ${SORT_FIELD[dateField]}.`, "query.sort.sort_field");
  if (sortField === "CLOSED_AT" && (!filter.stateFilter || filter.stateFilter.states.some((s) => s !== "COMPLETED" && s !== "CANCELED")))
    throw errors.badRequest("BAD_REQUEST", "Sorting by CLOSED_AT needs a state_filter of COMPLETED and/or CANCELED.", "query.sort.sort_field");
  const rangeField = dateField ? `query.filter.date_time_filter.${WIRE[dateField]}` : "";
  const startMs = parseTime(range?.startAt, `${rangeField}.start_at`);
  const endMs = parseTime(range?.endAt, `${rangeField}.end_at`);

  const sources = filter.sourceFilter?.sourceNames;
  if (sources && sources.length > 10) throw errors.badRequest("ARRAY_LENGTH_TOO_LONG", "At most 10 source_names are allowed.", "query.filter.source_filter.source_names");
  const customers = filter.customerFilter?.customerIds;
  if (customers && customers.length > 10) throw errors.badRequest("ARRAY_LENGTH_TOO_LONG", "At most 10 customer_ids are allowed.", "query.filter.customer_filter.customer_ids");
  const types = filter.fulfillmentFilter?.fulfillmentTypes;
  const fulfillmentStates = filter.fulfillmentFilter?.fulfillmentStates;

  const at = (order: Square.Order, field: DateField) => (order[field] ? Date.parse(order[field]!) : undefined);
  const test = (o: Square.Order) => {
    if (!locationIds.includes(o.locationId)) return false;
    if (filter.stateFilter && !filter.stateFilter.states.includes(o.state!)) return false;
    if (dateField) {
      const t = at(o, dateField);
      if (t === undefined || (startMs !== undefined && t < startMs) || (endMs !== undefined && t > endMs)) return false;
    }
    if (sources?.length && !sources.includes(o.source?.name ?? "")) return false;
    if (customers?.length && !(customers.includes(o.customerId ?? "") || (o.tenders ?? []).some((t) => customers.includes(t.customerId ?? "")))) return false;
    if (types?.length || fulfillmentStates?.length) {
      const hit = (o.fulfillments ?? []).some((f) => (!types?.length || types.includes(f.type!)) && (!fulfillmentStates?.length || fulfillmentStates.includes(f.state!)));
      if (!hit) return false;
    }
    return sortField !== "CLOSED_AT" || !!o.closedAt;
  };
  const sorted = (matches: Square.Order[]) => {
    const field = BY_SORT[sortField];
    const indexed = matches.map((o, i) => ({ o, i, k: at(o, field) ?? 0 }));
    indexed.sort((a, b) => (a.k - b.k || a.i - b.i) * (sortOrder === "ASC" ? 1 : -1));
    return indexed.map(({ o }) => o);
  };
  const table = tables(ctx.store).orders;
  // Remembered until the seller's orders change, so paging through a result costs only the page.
  const key = `SearchOrders\u0000${merchantId}\u0000${JSON.stringify({ locationIds, query: r.query }, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`;
  return remembered(ctx.store, key, String(table.stamp(merchantId)), () => sorted([...table.values(merchantId)].filter(test)));
}
