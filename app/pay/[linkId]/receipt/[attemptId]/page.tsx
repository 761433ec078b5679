import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReceiptView } from "@/components/checkout/receipt-view";
import { receiptFromAttempt } from "@/lib/checkout/receipt";
import { getDb } from "@/lib/db/client";
import { getPaidAttempt } from "@/lib/db/queries/checkout-attempts";

export const metadata: Metadata = { title: "Receipt", robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The buyer's receipt, reached with the attempt id only their browser knows. */
export default async function ReceiptPage({ params }: { params: Promise<{ linkId: string; attemptId: string }> }) {
  const { linkId, attemptId } = await params;
  const paid = UUID.test(attemptId) ? await getPaidAttempt(await getDb(), { id: attemptId, linkId }) : undefined;
  if (!paid) notFound();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col gap-5 px-4 py-6">
      <header>
        <p className="text-sm text-neutral-600">{paid.businessName}</p>
        <h1 className="text-2xl font-semibold">Thank you — payment received</h1>
      </header>
      <ReceiptView receipt={receiptFromAttempt(paid.attempt, paid.businessName)} />
    </main>
  );
}
