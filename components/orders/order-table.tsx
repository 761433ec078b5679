import Link from "next/link";
import { CustomerAttribution } from "@/components/history/customer-attribution";
import { StatusBadge } from "@/components/history/status-badge";
import { TableSkeleton } from "@/components/history/table-skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { OrderSummary } from "@/lib/db/queries/orders";
import { formatMoney } from "@/lib/format";
import { formatLocalDateTime } from "@/lib/reports/time-zone";

const COLUMNS = ["Date", "Order", "Source", "State", "Customer", "Total"];

/** Orders with their attributed customers; a sale with no customer is a row like any other, flagged. */
export function OrderTable({ orders, timezone, locationNames }: { orders: OrderSummary[]; timezone: string; locationNames?: Map<string, string> }) {
  return (
    <Table aria-label="Orders">
      <TableHead>
        <tr>
          {COLUMNS.map((c) => (
            <TableHeaderCell key={c} className={c === "Total" ? "text-right" : undefined}>
              {c}
            </TableHeaderCell>
          ))}
        </tr>
      </TableHead>
      <TableBody>
        {orders.map((o) => (
          <TableRow key={o.id}>
            <TableCell className="whitespace-nowrap">{formatLocalDateTime(o.createdAt, timezone)}</TableCell>
            <TableCell>
              <Link href={`/orders/${o.id}`} className="font-mono text-xs text-neutral-900 underline-offset-2 hover:underline" aria-label={`Order ${o.id}`}>
                {o.id.slice(0, 10)}…
              </Link>
              {locationNames && o.locationId && <span className="block text-xs text-neutral-500">{locationNames.get(o.locationId) ?? o.locationId}</span>}
            </TableCell>
            <TableCell className="whitespace-nowrap">{o.channel}</TableCell>
            <TableCell>
              <StatusBadge value={o.state} />
            </TableCell>
            <TableCell>
              <CustomerAttribution customers={o.customers} />
            </TableCell>
            <TableCell className="text-right font-medium whitespace-nowrap">{formatMoney(o.total)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

OrderTable.Skeleton = function OrderTableSkeleton() {
  return <TableSkeleton columns={COLUMNS} label="Loading orders" />;
};
