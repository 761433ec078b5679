import { OrderTable } from "@/components/orders/order-table";
import { HistoryHeaderSkeleton } from "@/components/history/history-header-skeleton";

export default function OrdersLoading() {
  return (
    <>
      <HistoryHeaderSkeleton />
      <OrderTable.Skeleton />
    </>
  );
}
