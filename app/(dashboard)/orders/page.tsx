import type { Metadata } from "next";
import { MissingScope } from "@/components/auth/missing-scope";
import { ExportButton } from "@/components/history/export-button";
import { FilterForm } from "@/components/history/filter-form";
import { FilterProblems } from "@/components/history/filter-problems";
import { ListEmpty } from "@/components/history/list-empty";
import { Pager } from "@/components/history/pager";
import { OrderTable } from "@/components/orders/order-table";
import { SyncRefresher } from "@/components/sync/sync-refresher";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { countExportRows } from "@/lib/db/queries/exports";
import { listSources } from "@/lib/db/queries/history-counts";
import { listOrders } from "@/lib/db/queries/orders";
import { getSyncStatus } from "@/lib/db/queries/sync";
import { hrefWith, presetLinks, withoutCursor } from "@/lib/reports/history-url";
import { enumLabel } from "@/lib/reports/labels";
import { loadPageFilters } from "@/lib/reports/page-filters";
import { orderQuery } from "@/lib/reports/query-params";
import { ORDER_STATES, OrderFiltersSchema, type SearchParams } from "@/lib/validations/history";

export const metadata: Metadata = { title: "Orders" };

const PAGE_SIZE = 50;

// Every order in the range from the mirror, each under the customer(s) it is attributed to.
export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const seller = await requireSeller();
  const header = <PageHeader title="Orders" description="Every sale from every channel, under the customer who paid — also when the order itself names nobody." />;
  if (!hasScope(seller, "ORDERS_READ"))
    return (
      <>
        {header}
        <MissingScope scopes={["ORDERS_READ"]} returnTo="/orders" />
      </>
    );

  const db = await getDb();
  const page = await loadPageFilters(db, seller.merchantId, OrderFiltersSchema, await searchParams);
  const url = page.url;
  const fields = (sources: string[]) => [
    { name: "state", label: "State", anyLabel: "Any state", value: url.state ?? undefined, options: ORDER_STATES.map((s) => ({ value: s, label: enumLabel(s) })) },
    { name: "source", label: "Source", anyLabel: "Any source", value: url.source ?? undefined, options: sources.map((s) => ({ value: s, label: s })) },
    {
      name: "customer",
      label: "Customer",
      anyLabel: "With or without",
      value: url.customer ?? undefined,
      options: [
        { value: "with", label: "With a customer" },
        { value: "without", label: "No customer" },
      ],
    },
  ];
  if (!page.ok)
    return (
      <>
        {header}
        <FilterForm action="/orders" from={url.from ?? ""} to={url.to ?? ""} locations={page.locations} location={url.location ?? undefined} fields={fields([])} />
        <FilterProblems problems={page.problems} resetHref="/orders" />
      </>
    );

  const { context, filters } = page;
  const query = orderQuery(seller.merchantId, context, filters);
  const [list, count, sources, status] = await Promise.all([
    listOrders(db, { ...query, limit: PAGE_SIZE, cursor: filters.cursor }),
    countExportRows(db, "orders", query),
    listSources(db, { merchantId: seller.merchantId, from: context.range.fromAt, to: context.range.toAt, locationId: context.location?.id }),
    getSyncStatus(db, { merchantId: seller.merchantId }),
  ]);
  const filtered = withoutCursor(url);
  const rangeFilters = { ...filtered, from: context.range.from, to: context.range.to };
  const copying = status.state !== "synced";
  const narrowed = !!(filters.state || filters.source || filters.customer || filters.location);

  return (
    <>
      <PageHeader
        title="Orders"
        description={`${count.toLocaleString("en-US")} ${count === 1 ? "order" : "orders"} from ${context.range.from} to ${context.range.to}${context.location ? ` at ${context.location.name}` : ""}, newest first. Days are counted in ${context.timezone}.`}
        actions={<ExportButton href={hrefWith("/api/exports/orders", rangeFilters)} label="Export orders (CSV)" />}
      />
      {copying && <SyncRefresher initial={status} streams={["orders", "payments"]} />}
      <FilterForm
        action="/orders"
        from={context.range.from}
        to={context.range.to}
        locations={context.locations}
        location={context.location?.id}
        fields={fields(sources)}
        presets={presetLinks("/orders", filtered, context.range, context.timezone)}
      />
      {list.orders.length === 0 ? (
        <ListEmpty
          noun="orders"
          path="/orders"
          copying={copying}
          narrowed={narrowed}
          range={context.range}
          widerHref={presetLinks("/orders", filtered, context.range, context.timezone).find((p) => p.label === "Last 12 months" && !p.current)?.href}
        />
      ) : (
        <>
          <OrderTable orders={list.orders} timezone={context.timezone} locationNames={context.locations.length > 1 ? new Map(context.locations.map((l) => [l.id, l.name])) : undefined} />
          <Pager firstHref={hrefWith("/orders", rangeFilters)} nextHref={list.nextCursor ? hrefWith("/orders", rangeFilters, { cursor: list.nextCursor }) : null} onFirstPage={!filters.cursor} />
        </>
      )}
    </>
  );
}
