import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MissingScope } from "@/components/auth/missing-scope";
import { CustomerAttribution } from "@/components/history/customer-attribution";
import { Facts } from "@/components/history/facts";
import { StatusBadge } from "@/components/history/status-badge";
import { OrderLines } from "@/components/orders/order-lines";
import { OrderPayments } from "@/components/orders/order-payments";
import { OrderTenders } from "@/components/orders/order-tenders";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { getOrderDetail } from "@/lib/db/queries/order-detail";
import { formatMoney } from "@/lib/format";
import { formatLocalDateTime } from "@/lib/reports/time-zone";
import { isSquareId } from "@/lib/validations/history";

export const metadata: Metadata = { title: "Order" };

// One order from the mirror: what was sold, how it was paid, and who each payment belongs to.
export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const seller = await requireSeller();
  if (!hasScope(seller, "ORDERS_READ"))
    return (
      <>
        <PageHeader title="Order" />
        <MissingScope scopes={["ORDERS_READ"]} returnTo="/orders" />
      </>
    );
  const { orderId } = await params;
  // Only ever looked up within the signed-in seller's mirror: another seller's id is simply not found.
  const order = isSquareId(orderId) ? await getOrderDetail(await getDb(), { merchantId: seller.merchantId, orderId }) : null;
  if (!order) notFound();
  const zone = order.timezone ?? "UTC";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/orders" className="text-neutral-600 underline-offset-2 hover:underline">
          ← Orders
        </Link>
      </p>
      <PageHeader title={`Order ${formatMoney(order.total)}`} description={<span className="font-mono text-xs">{order.id}</span>} actions={<StatusBadge value={order.state} />} />
      <div className="space-y-6">
        <Card>
          <Facts
            items={[
              ["Created", formatLocalDateTime(order.createdAt, zone)],
              ["Closed", order.closedAt ? formatLocalDateTime(order.closedAt, zone) : null],
              ["Location", order.locationName ?? order.locationId],
              ["Source", order.channel],
              ["Customer on the order itself", order.recordedCustomerId ? <span className="font-mono text-xs">{order.recordedCustomerId}</span> : "none (Square often leaves it empty)"],
              ["Reference", order.referenceId],
            ]}
          />
        </Card>
        <Card aria-labelledby="customers-heading">
          <CardTitle id="customers-heading">Attributed to</CardTitle>
          <div className="mt-3 text-sm">
            <CustomerAttribution customers={order.customers} />
          </div>
        </Card>
        <section aria-labelledby="items-heading" className="space-y-2">
          <h2 id="items-heading" className="text-lg font-semibold">
            Items
          </h2>
          <OrderLines order={order} />
        </section>
        <section aria-labelledby="tenders-heading" className="space-y-2">
          <h2 id="tenders-heading" className="text-lg font-semibold">
            Tenders
          </h2>
          <OrderTenders tenders={order.tenders} />
        </section>
        <Card aria-labelledby="payments-heading">
          <CardTitle id="payments-heading">Payments</CardTitle>
          <OrderPayments payments={order.payments} timezone={zone} />
        </Card>
      </div>
    </>
  );
}
