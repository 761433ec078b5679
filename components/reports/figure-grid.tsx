import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { SalesFigures } from "@/lib/db/queries/report-figures";
import { formatMoney } from "@/lib/format";

const count = (n: number) => n.toLocaleString("en-US");
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** The headline figures of a range: revenue, sales, average ticket, customers, sales with no customer. */
export function FigureGrid({ figures, label }: { figures: SalesFigures; label: string }) {
  const items: [string, string, string][] = [
    ["Revenue", formatMoney(figures.revenue), `${count(figures.payments)} completed payments`],
    ["Sales", count(figures.sales), "orders paid"],
    ["Average ticket", formatMoney(figures.averageTicket), "revenue per sale"],
    ["Customers", count(figures.customers), `${count(figures.newCustomers)} new · ${count(figures.returningCustomers)} returning`],
    ["Sales with no customer", percent(figures.shareWithoutCustomer), `${formatMoney(figures.withoutCustomer)} in ${count(figures.paymentsWithoutCustomer)} payments`],
  ];
  return (
    <section aria-label={label} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      {items.map(([title, value, note]) => (
        <Card key={title} className="p-4">
          <h3 className="text-sm text-neutral-600">{title}</h3>
          <p className="mt-1 text-xl font-semibold text-neutral-900">{value}</p>
          <p className="text-xs text-neutral-500">{note}</p>
        </Card>
      ))}
    </section>
  );
}

FigureGrid.Skeleton = function FigureGridSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-24" />
      ))}
    </div>
  );
};
