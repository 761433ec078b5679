import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MissingScope } from "@/components/auth/missing-scope";
import { CustomerAttribution } from "@/components/history/customer-attribution";
import { Facts } from "@/components/history/facts";
import { ReceiptLink } from "@/components/history/receipt-link";
import { StatusBadge } from "@/components/history/status-badge";
import { PaymentCardFacts } from "@/components/payments/payment-card-facts";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { getPaymentDetail } from "@/lib/db/queries/payment-detail";
import { formatMoney } from "@/lib/format";
import { enumLabel } from "@/lib/reports/labels";
import { formatLocalDateTime } from "@/lib/reports/time-zone";
import { isSquareId } from "@/lib/validations/history";

export const metadata: Metadata = { title: "Payment" };

// One payment from the mirror: its customer (and how Patron knows), its card, its order, its receipt.
export default async function PaymentPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const seller = await requireSeller();
  if (!hasScope(seller, "PAYMENTS_READ"))
    return (
      <>
        <PageHeader title="Payment" />
        <MissingScope scopes={["PAYMENTS_READ"]} returnTo="/payments" />
      </>
    );
  const { paymentId } = await params;
  // Looked up within the signed-in seller's mirror only: another seller's id is not found.
  const payment = isSquareId(paymentId) ? await getPaymentDetail(await getDb(), { merchantId: seller.merchantId, paymentId }) : null;
  if (!payment) notFound();
  const zone = payment.timezone ?? "UTC";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/payments" className="text-neutral-600 underline-offset-2 hover:underline">
          ← Payments
        </Link>
      </p>
      <PageHeader title={`Payment ${formatMoney(payment.total)}`} description={<span className="font-mono text-xs">{payment.id}</span>} actions={<StatusBadge value={payment.status} />} />
      <div className="space-y-6">
        <Card>
          <Facts
            items={[
              ["Created", formatLocalDateTime(payment.createdAt, zone)],
              ["Last changed at Square", formatLocalDateTime(payment.updatedAt, zone)],
              ["Location", payment.locationName ?? payment.locationId],
              ["Source", payment.channel],
              ["Paid with", enumLabel(payment.sourceType)],
              ["Amount", formatMoney(payment.amount)],
              ["Tip", formatMoney(payment.tip)],
              ["Refunded", payment.refunded.amount ? formatMoney(payment.refunded) : null],
              ["Buyer email on the payment", payment.buyerEmailAddress],
              ["Note", payment.note],
              ["Receipt", <ReceiptLink key="receipt" url={payment.receiptUrl} number={payment.receiptNumber} />],
            ]}
          />
        </Card>
        <Card aria-labelledby="customer-heading">
          <CardTitle id="customer-heading">Customer</CardTitle>
          <div className="mt-3 text-sm">
            <CustomerAttribution customers={[{ ...payment.customer, assignedLater: payment.assignedLater }]} />
          </div>
          <div className="mt-4">
            <Facts
              items={[
                ["Customer id on the payment", payment.recordedCustomerId ? <span className="font-mono text-xs">{payment.recordedCustomerId}</span> : "none"],
                ["Customer id on the order's tender", payment.tenderCustomerId ? <span className="font-mono text-xs">{payment.tenderCustomerId}</span> : "none"],
              ]}
            />
          </div>
          {payment.assignedLater && (
            <CardDescription className="mt-3">
              Square attached this customer to the payment after the sale (from the receipt email or a card on file), so the order does not name them; Patron
              reads the payment first.
            </CardDescription>
          )}
        </Card>
        {payment.card && (
          <Card aria-labelledby="card-heading">
            <CardTitle id="card-heading">Card</CardTitle>
            <div className="mt-3">
              <PaymentCardFacts card={payment.card} />
            </div>
          </Card>
        )}
        <Card aria-labelledby="order-heading">
          <CardTitle id="order-heading">Order</CardTitle>
          {payment.order ? (
            <div className="mt-3 text-sm">
              <Link href={`/orders/${payment.order.id}`} className="font-medium underline" aria-label={`Order ${payment.order.id}`}>
                Order {formatMoney(payment.order.total)} · {enumLabel(payment.order.state)}
              </Link>
              <p className="mt-1 text-neutral-600">{payment.order.items || "No items"}</p>
            </div>
          ) : (
            <CardDescription>{payment.orderId ? "Patron has not copied this payment's order yet." : "This payment has no order."}</CardDescription>
          )}
        </Card>
      </div>
    </>
  );
}
