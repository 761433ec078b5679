import type { Metadata } from "next";
import { MissingScope } from "@/components/auth/missing-scope";
import { CustomersChart } from "@/components/charts/customers-chart";
import { RevenueChart } from "@/components/charts/revenue-chart";
import { TenderChart } from "@/components/charts/tender-chart";
import { TopCustomersChart } from "@/components/charts/top-customers-chart";
import { ExportButton } from "@/components/history/export-button";
import { FilterForm } from "@/components/history/filter-form";
import { FilterProblems } from "@/components/history/filter-problems";
import { ListEmpty } from "@/components/history/list-empty";
import { FigureGrid } from "@/components/reports/figure-grid";
import { ReportSection } from "@/components/reports/report-section";
import { CustomersTable, RevenueTable, TenderTable, TopCustomersTable } from "@/components/reports/report-tables";
import { SyncRefresher } from "@/components/sync/sync-refresher";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { getSalesFigures } from "@/lib/db/queries/report-figures";
import { getNewVsReturning, getRevenueSeries, getTenderMix, getTopCustomers } from "@/lib/db/queries/reports";
import { getSyncStatus } from "@/lib/db/queries/sync";
import { customerDisplayName } from "@/lib/format";
import { TOP_CUSTOMERS_EXPORTED } from "@/lib/reports/exports/report-tables";
import { hrefWith, presetLinks } from "@/lib/reports/history-url";
import { loadPageFilters } from "@/lib/reports/page-filters";
import { reportQuery } from "@/lib/reports/query-params";
import { defaultPeriod } from "@/lib/reports/range";
import { groupTenders } from "@/lib/reports/tender-groups";
import { ReportFiltersSchema, type SearchParams } from "@/lib/validations/history";

export const metadata: Metadata = { title: "Reports" };

const PERIOD_FIELD = (value?: string) => ({
  name: "period",
  label: "Group by",
  anyLabel: "Automatic",
  value,
  options: [
    { value: "day", label: "Day" },
    { value: "week", label: "Week" },
  ],
});

// Sales reports for a range and location, from completed payments in the mirror, days in the location's zone.
export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const seller = await requireSeller();
  const header = <PageHeader title="Reports" description="Revenue, customers and how they paid, for any range of your shop's days." />;
  if (!hasScope(seller, "PAYMENTS_READ"))
    return (
      <>
        {header}
        <MissingScope scopes={["PAYMENTS_READ"]} returnTo="/reports" />
      </>
    );
  const db = await getDb();
  const page = await loadPageFilters(db, seller.merchantId, ReportFiltersSchema, await searchParams);
  if (!page.ok)
    return (
      <>
        {header}
        <FilterForm action="/reports" from={page.url.from ?? ""} to={page.url.to ?? ""} locations={page.locations} location={page.url.location ?? undefined} fields={[PERIOD_FIELD(page.url.period ?? undefined)]} />
        <FilterProblems problems={page.problems} resetHref="/reports" />
      </>
    );

  const { context, filters, url } = page;
  const params = reportQuery(seller.merchantId, context);
  const period = filters.period ?? defaultPeriod(context.range);
  const currency = context.location?.currency ?? seller.currency ?? "USD";
  const [figures, revenue, customers, top, mix, status] = await Promise.all([
    getSalesFigures(db, params),
    getRevenueSeries(db, { ...params, period }),
    getNewVsReturning(db, { ...params, period }),
    getTopCustomers(db, { ...params, limit: TOP_CUSTOMERS_EXPORTED }),
    getTenderMix(db, params),
    getSyncStatus(db, { merchantId: seller.merchantId }),
  ]);
  const groups = groupTenders(mix, currency);
  const shared = { from: context.range.from, to: context.range.to, location: context.location?.id, period: filters.period };
  const exportHref = (table: string) => hrefWith(`/api/exports/${table}`, shared);
  const per = period === "week" ? "week" : "day";
  const copying = status.state !== "synced";

  return (
    <>
      <PageHeader
        title="Reports"
        description={`From ${context.range.from} to ${context.range.to}${context.location ? ` at ${context.location.name}` : ", all locations"}; days in ${context.timezone}. Sales are completed payments.`}
        actions={<ExportButton href={exportHref("summary")} label="Export summary (CSV)" />}
      />
      {copying && <SyncRefresher initial={status} streams={["payments", "orders", "customers"]} />}
      <FilterForm
        action="/reports"
        from={context.range.from}
        to={context.range.to}
        locations={context.locations}
        location={context.location?.id}
        fields={[PERIOD_FIELD(filters.period)]}
        presets={presetLinks("/reports", url, context.range, context.timezone)}
      />
      {figures.payments === 0 ? (
        <ListEmpty noun="sales" path="/reports" copying={copying} narrowed={!!context.location} range={context.range} widerHref={presetLinks("/reports", url, context.range, context.timezone).find((p) => p.label === "Last 12 months" && !p.current)?.href} />
      ) : (
        <div className="space-y-8">
          <FigureGrid figures={figures} label="Figures for the range" />
          <ReportSection
            id="revenue"
            title="Revenue"
            summary={`Completed payments per ${per}, tips included.`}
            exportHref={exportHref("revenue")}
            chart={<RevenueChart points={revenue.map((p) => ({ period: p.period, revenue: p.revenue.amount, payments: p.payments }))} currency={currency} />}
            table={<RevenueTable points={revenue} period={period} />}
          />
          <ReportSection
            id="customers"
            title="New and returning customers"
            summary={`Paying customers per ${per}: new ones bought for the first time ever.`}
            exportHref={exportHref("customers")}
            chart={<CustomersChart points={customers} />}
            table={<CustomersTable points={customers} period={period} />}
          />
          <ReportSection
            id="top-customers"
            title="Top customers"
            summary={`By spend in the range; the chart shows the first 10, the table and CSV the first ${TOP_CUSTOMERS_EXPORTED}.`}
            exportHref={exportHref("top-customers")}
            chart={<TopCustomersChart bars={top.slice(0, 10).map((c) => ({ name: customerDisplayName({ ...c, companyName: null, phoneNumber: null }), spend: c.spend.amount }))} currency={currency} />}
            table={<TopCustomersTable customers={top} />}
          />
          <ReportSection
            id="tenders"
            title="Tenders"
            summary="Revenue paid by card, by gift card, and by anything else (cash, external)."
            exportHref={exportHref("tenders")}
            chart={<TenderChart slices={groups.map((g) => ({ name: g.name, revenue: g.revenue.amount }))} currency={currency} />}
            table={<TenderTable groups={groups} mix={mix} />}
          />
        </div>
      )}
    </>
  );
}
