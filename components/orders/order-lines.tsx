import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { OrderDetail } from "@/lib/db/queries/order-detail";
import { formatMoney } from "@/lib/format";

/** What was sold, with the order's totals underneath. */
export function OrderLines({ order }: { order: OrderDetail }) {
  return (
    <Table aria-label="Line items">
      <TableHead>
        <tr>
          <TableHeaderCell>Item</TableHeaderCell>
          <TableHeaderCell className="text-right">Quantity</TableHeaderCell>
          <TableHeaderCell className="text-right">Price</TableHeaderCell>
          <TableHeaderCell className="text-right">Total</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {order.lineItems.map((li) => (
          <TableRow key={li.uid}>
            <TableCell>
              {li.name ?? "Item"}
              {li.variationName && <span className="block text-xs text-neutral-500">{li.variationName}</span>}
            </TableCell>
            <TableCell className="text-right">{li.quantity}</TableCell>
            <TableCell className="text-right">{formatMoney(li.basePrice)}</TableCell>
            <TableCell className="text-right">{formatMoney(li.total)}</TableCell>
          </TableRow>
        ))}
        {(
          [
            ["Discounts", order.discount, order.discount.amount > 0],
            ["Tax", order.tax, true],
            ["Tip", order.tip, order.tip.amount > 0],
            ["Total", order.total, true],
            ["Still due", order.netAmountDue, order.netAmountDue.amount > 0],
          ] as const
        )
          .filter(([, , shown]) => shown)
          .map(([label, money]) => (
            <tr key={label} className={label === "Total" ? "font-semibold" : "text-neutral-600"}>
              <TableCell colSpan={3} className="text-right">
                {label}
              </TableCell>
              <TableCell className="text-right">{label === "Discounts" ? `−${formatMoney(money)}` : formatMoney(money)}</TableCell>
            </tr>
          ))}
      </TableBody>
    </Table>
  );
}
