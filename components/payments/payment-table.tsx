import Link from "next/link";
import { CustomerAttribution } from "@/components/history/customer-attribution";
import { StatusBadge } from "@/components/history/status-badge";
import { TableSkeleton } from "@/components/history/table-skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { PaymentSummary } from "@/lib/db/queries/payments";
import { formatMoney } from "@/lib/format";
import { cardLabel } from "@/lib/reports/labels";
import { formatLocalDateTime } from "@/lib/reports/time-zone";

const COLUMNS = ["Date", "Payment", "Method", "Status", "Customer", "Order", "Total"];

/** Payments, each with its own customer (also one Square attached after the sale). */
export function PaymentTable({ payments, timezone }: { payments: PaymentSummary[]; timezone: string }) {
  return (
    <Table aria-label="Payments">
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
        {payments.map((p) => (
          <TableRow key={p.id}>
            <TableCell className="whitespace-nowrap">{formatLocalDateTime(p.createdAt, timezone)}</TableCell>
            <TableCell>
              <Link href={`/payments/${p.id}`} className="font-mono text-xs text-neutral-900 underline-offset-2 hover:underline" aria-label={`Payment ${p.id}`}>
                {p.id.slice(0, 10)}…
              </Link>
              <span className="block text-xs text-neutral-500">{p.channel}</span>
            </TableCell>
            <TableCell className="whitespace-nowrap">{cardLabel(p)}</TableCell>
            <TableCell>
              <StatusBadge value={p.status} />
            </TableCell>
            <TableCell>
              <CustomerAttribution customers={[{ ...p.customer, assignedLater: p.assignedLater }]} />
            </TableCell>
            <TableCell>
              {p.orderId ? (
                <Link href={`/orders/${p.orderId}`} className="font-mono text-xs underline-offset-2 hover:underline" aria-label={`Order ${p.orderId}`}>
                  {p.orderId.slice(0, 10)}…
                </Link>
              ) : (
                "—"
              )}
            </TableCell>
            <TableCell className="text-right font-medium whitespace-nowrap">{formatMoney(p.total)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

PaymentTable.Skeleton = function PaymentTableSkeleton() {
  return <TableSkeleton columns={COLUMNS} label="Loading payments" />;
};
