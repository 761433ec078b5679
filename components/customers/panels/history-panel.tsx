import Link from "next/link";
import { StatusBadge } from "@/components/history/status-badge";
import { MissingScope } from "@/components/auth/missing-scope";
import { buttonVariants } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { missingScopes } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { getCustomerHistory } from "@/lib/db/queries/history";
import type { Seller } from "@/lib/db/queries/sellers";
import { formatDateTime, formatMoney } from "@/lib/format";
import { attributionLabel, cardLabel } from "@/lib/reports/labels";
import { Panel } from "./panel";
import type { PanelCustomer } from "./panel-customer";

const PAGE = 10;

/** The customer's orders and their payments, newest first, each with where its attribution came from. */
export async function HistoryPanel({ seller, customer, cursor }: { seller: Seller; customer: PanelCustomer; cursor: string | null }) {
  const missing = missingScopes(seller, ["ORDERS_READ", "PAYMENTS_READ"]);
  if (missing.length)
    return (
      <Panel title="Orders and payments">
        <MissingScope scopes={missing} returnTo={`/customers/${customer.id}`} />
      </Panel>
    );
  const history = await getCustomerHistory(await getDb(), { merchantId: seller.merchantId, customerId: customer.id, limit: PAGE, cursor });
  return (
    <Panel
      title="Orders and payments"
      description="Every sale attributed to this customer: through the payment's customer first (Square often sets only that), else the order's, across merged profiles."
    >
      {history.entries.length ? (
        <Table aria-label="Orders and payments">
          <TableHead>
            <tr>
              <TableHeaderCell>Date</TableHeaderCell>
              <TableHeaderCell>Order</TableHeaderCell>
              <TableHeaderCell className="text-right">Total</TableHeaderCell>
              <TableHeaderCell>Payments</TableHeaderCell>
              <TableHeaderCell>Attributed</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {history.entries.map((e) => (
              <tr key={e.orderId} className="align-top">
                <TableCell className="whitespace-nowrap">{formatDateTime(e.createdAt)}</TableCell>
                <TableCell>
                  <Link href={`/orders/${e.orderId}`} className="font-medium underline-offset-2 hover:underline">
                    {e.items || "Order"}
                  </Link>
                  <div className="mt-1">
                    <StatusBadge value={e.state} />
                  </div>
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(e.total)}</TableCell>
                <TableCell>
                  {e.payments.length ? (
                    <ul className="space-y-1">
                      {e.payments.map((p) => (
                        <li key={p.id} className="flex flex-wrap items-center gap-2">
                          <Link href={`/payments/${p.id}`} className="underline-offset-2 hover:underline">
                            {formatMoney(p.total)} · {cardLabel(p)}
                          </Link>
                          <StatusBadge value={p.status} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-neutral-500">Not paid</span>
                  )}
                </TableCell>
                <TableCell className="text-xs text-neutral-600">{attributionLabel({ customerId: customer.id, ...e.attribution })}</TableCell>
              </tr>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="text-sm text-neutral-600">{cursor ? "No older sales." : "No sales attributed to this customer yet."}</p>
      )}
      <div className="flex gap-2">
        {cursor && (
          <Link href={`/customers/${customer.id}#history`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            Newest sales
          </Link>
        )}
        {history.nextCursor && (
          <Link href={`/customers/${customer.id}?${new URLSearchParams({ history: history.nextCursor })}#history`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            Older sales
          </Link>
        )}
      </div>
    </Panel>
  );
}
