import type { Metadata } from "next";
import { MissingScope } from "@/components/auth/missing-scope";
import { ExportButton } from "@/components/history/export-button";
import { FilterForm } from "@/components/history/filter-form";
import { FilterProblems } from "@/components/history/filter-problems";
import { ListEmpty } from "@/components/history/list-empty";
import { Pager } from "@/components/history/pager";
import { PaymentTable } from "@/components/payments/payment-table";
import { SyncRefresher } from "@/components/sync/sync-refresher";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { countExportRows } from "@/lib/db/queries/exports";
import { listSources } from "@/lib/db/queries/history-counts";
import { listPayments } from "@/lib/db/queries/payments";
import { getSyncStatus } from "@/lib/db/queries/sync";
import { hrefWith, presetLinks, withoutCursor } from "@/lib/reports/history-url";
import { brandLabel, enumLabel } from "@/lib/reports/labels";
import { loadPageFilters } from "@/lib/reports/page-filters";
import { paymentQuery } from "@/lib/reports/query-params";
import { CARD_BRANDS, PAYMENT_STATUSES, PaymentFiltersSchema, type SearchParams } from "@/lib/validations/history";

export const metadata: Metadata = { title: "Payments" };

const PAGE_SIZE = 50;

// Every payment in the range from the mirror, with its own customer (also one Square assigned later).
export default async function PaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const seller = await requireSeller();
  const header = <PageHeader title="Payments" description="Every payment with the customer Square attached to it, even when that happened after the sale." />;
  if (!hasScope(seller, "PAYMENTS_READ"))
    return (
      <>
        {header}
        <MissingScope scopes={["PAYMENTS_READ"]} returnTo="/payments" />
      </>
    );

  const db = await getDb();
  const page = await loadPageFilters(db, seller.merchantId, PaymentFiltersSchema, await searchParams);
  const url = page.url;
  const fields = (sources: string[]) => [
    { name: "status", label: "Status", anyLabel: "Any status", value: url.status ?? undefined, options: PAYMENT_STATUSES.map((s) => ({ value: s, label: enumLabel(s) })) },
    { name: "brand", label: "Card brand", anyLabel: "Any card or none", value: url.brand ?? undefined, options: CARD_BRANDS.map((b) => ({ value: b, label: brandLabel(b) })) },
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
        <FilterForm action="/payments" from={url.from ?? ""} to={url.to ?? ""} locations={page.locations} location={url.location ?? undefined} fields={fields([])} />
        <FilterProblems problems={page.problems} resetHref="/payments" />
      </>
    );

  const { context, filters } = page;
  const query = paymentQuery(seller.merchantId, context, filters);
  const [list, count, sources, status] = await Promise.all([
    listPayments(db, { ...query, limit: PAGE_SIZE, cursor: filters.cursor }),
    countExportRows(db, "payments", query),
    listSources(db, { merchantId: seller.merchantId, from: context.range.fromAt, to: context.range.toAt, locationId: context.location?.id }),
    getSyncStatus(db, { merchantId: seller.merchantId }),
  ]);
  const filtered = withoutCursor(url);
  const rangeFilters = { ...filtered, from: context.range.from, to: context.range.to };
  const copying = status.state !== "synced";
  const narrowed = !!(filters.status || filters.brand || filters.source || filters.customer || filters.location);

  return (
    <>
      <PageHeader
        title="Payments"
        description={`${count.toLocaleString("en-US")} ${count === 1 ? "payment" : "payments"} from ${context.range.from} to ${context.range.to}${context.location ? ` at ${context.location.name}` : ""}, newest first. Days are counted in ${context.timezone}.`}
        actions={<ExportButton href={hrefWith("/api/exports/payments", rangeFilters)} label="Export payments (CSV)" />}
      />
      {copying && <SyncRefresher initial={status} streams={["payments"]} />}
      <FilterForm
        action="/payments"
        from={context.range.from}
        to={context.range.to}
        locations={context.locations}
        location={context.location?.id}
        fields={fields(sources)}
        presets={presetLinks("/payments", filtered, context.range, context.timezone)}
      />
      {list.payments.length === 0 ? (
        <ListEmpty
          noun="payments"
          path="/payments"
          copying={copying}
          narrowed={narrowed}
          range={context.range}
          widerHref={presetLinks("/payments", filtered, context.range, context.timezone).find((p) => p.label === "Last 12 months" && !p.current)?.href}
        />
      ) : (
        <>
          <PaymentTable payments={list.payments} timezone={context.timezone} />
          <Pager firstHref={hrefWith("/payments", rangeFilters)} nextHref={list.nextCursor ? hrefWith("/payments", rangeFilters, { cursor: list.nextCursor }) : null} onFirstPage={!filters.cursor} />
        </>
      )}
    </>
  );
}
