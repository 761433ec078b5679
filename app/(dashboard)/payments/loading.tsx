import { HistoryHeaderSkeleton } from "@/components/history/history-header-skeleton";
import { PaymentTable } from "@/components/payments/payment-table";

export default function PaymentsLoading() {
  return (
    <>
      <HistoryHeaderSkeleton />
      <PaymentTable.Skeleton />
    </>
  );
}
