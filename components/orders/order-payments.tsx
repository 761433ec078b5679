import Link from "next/link";
import { CustomerAttribution } from "@/components/history/customer-attribution";
import { ReceiptLink } from "@/components/history/receipt-link";
import { StatusBadge } from "@/components/history/status-badge";
import type { PaymentSummary } from "@/lib/db/queries/payments";
import { formatMoney } from "@/lib/format";
import { cardLabel } from "@/lib/reports/labels";
import { formatLocalDateTime } from "@/lib/reports/time-zone";

/** Each payment on the order with its own customer: a split bill shows two people. */
export function OrderPayments({ payments, timezone }: { payments: PaymentSummary[]; timezone: string }) {
  if (!payments.length) return <p className="text-sm text-neutral-600">No payments on this order yet.</p>;
  return (
    <ul aria-label="Payments on this order" className="divide-y divide-neutral-100">
      {payments.map((p) => (
        <li key={p.id} className="grid gap-2 py-3 text-sm sm:grid-cols-[1fr_1fr_auto]">
          <div>
            <Link href={`/payments/${p.id}`} className="font-mono text-xs text-neutral-900 underline-offset-2 hover:underline" aria-label={`Payment ${p.id}`}>
              {p.id}
            </Link>
            <p className="text-neutral-600">
              {cardLabel(p)} · {formatLocalDateTime(p.createdAt, timezone)}
            </p>
            <ReceiptLink url={p.receiptUrl} number={p.receiptNumber} />
          </div>
          <CustomerAttribution customers={[{ ...p.customer, assignedLater: p.assignedLater }]} />
          <div className="text-right">
            <p className="font-medium">{formatMoney(p.total)}</p>
            <StatusBadge value={p.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}
