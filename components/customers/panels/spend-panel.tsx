import { ChartFrame } from "@/components/charts/chart-frame";
import { getDb } from "@/lib/db/client";
import { getCustomerSpendSeries, getCustomerSpendSummary } from "@/lib/db/queries/customer-spend";
import { formatDate, formatMoney } from "@/lib/format";
import { SpendChart } from "../spend-chart";
import { Panel } from "./panel";

const monthName = (month: string) => new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));

/** Lifetime spend, visits, average ticket, first and last visit, and spend per month over the last year. */
export async function SpendPanel({ merchantId, customerId }: { merchantId: string; customerId: string }) {
  const db = await getDb();
  const [summary, series] = await Promise.all([getCustomerSpendSummary(db, { merchantId, customerId }), getCustomerSpendSeries(db, { merchantId, customerId, months: 12 })]);
  const figures: [string, string][] = [
    ["Lifetime spend", formatMoney(summary.lifetimeSpend)],
    ["Visits", summary.visits.toLocaleString("en-US")],
    ["Average ticket", summary.averageTicket ? formatMoney(summary.averageTicket) : "—"],
    ["Orders", summary.orders.toLocaleString("en-US")],
    ["First visit", formatDate(summary.firstVisitAt)],
    ["Last visit", formatDate(summary.lastVisitAt)],
  ];
  const yearTotal = series.reduce((sum, p) => sum + p.spend.amount, 0);
  const best = series.reduce((top, p) => (p.spend.amount > top.spend.amount ? p : top), series[0]);
  const currency = summary.lifetimeSpend.currency;
  return (
    <Panel title="Spend" description="Completed payments attributed to this customer, across merged profiles.">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-md bg-neutral-50 p-3">
            <dt className="text-xs text-neutral-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <ChartFrame
        title="Spend over the last 12 months"
        summary={
          yearTotal
            ? `${formatMoney({ amount: yearTotal, currency })} in 12 months; most in ${monthName(best.month)} (${formatMoney(best.spend)}).`
            : "No completed payments in the last 12 months."
        }
      >
        <SpendChart points={series.map((p) => ({ month: p.month, spend: p.spend.amount }))} currency={currency} />
      </ChartFrame>
    </Panel>
  );
}
