import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { OrderTender } from "@/lib/db/queries/order-detail";
import { formatMoney } from "@/lib/format";
import { cardLabel, enumLabel } from "@/lib/reports/labels";

/** How the order was paid, as Square records it on the order (the customer on a tender is often missing). */
export function OrderTenders({ tenders }: { tenders: OrderTender[] }) {
  if (!tenders.length) return <p className="text-sm text-neutral-600">No tenders: nothing has been paid on this order.</p>;
  return (
    <Table aria-label="Tenders">
      <TableHead>
        <tr>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell>Card</TableHeaderCell>
          <TableHeaderCell>Payment</TableHeaderCell>
          <TableHeaderCell>Customer on the tender</TableHeaderCell>
          <TableHeaderCell className="text-right">Amount</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {tenders.map((t) => (
          <TableRow key={t.id}>
            <TableCell>{t.cardBrand === "SQUARE_GIFT_CARD" ? "Gift card" : enumLabel(t.type)}</TableCell>
            <TableCell>{t.cardBrand || t.last4 ? cardLabel(t) : "—"}</TableCell>
            <TableCell>
              {t.paymentId ? (
                <Link href={`/payments/${t.paymentId}`} className="font-mono text-xs underline-offset-2 hover:underline">
                  {t.paymentId.slice(0, 10)}…
                </Link>
              ) : (
                "—"
              )}
            </TableCell>
            <TableCell className="font-mono text-xs">{t.recordedCustomerId ?? "none"}</TableCell>
            <TableCell className="text-right">
              {formatMoney(t.amount)}
              {t.tip.amount > 0 && <span className="block text-xs text-neutral-500">incl. tip {formatMoney(t.tip)}</span>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
