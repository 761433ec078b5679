import { HistoryEmpty } from "@/components/history/history-empty";

export default function OrderNotFound() {
  return (
    <HistoryEmpty title="Order not found" actions={[{ label: "Back to orders", href: "/orders" }]}>
      There is no order with this id in your Square account, or Patron has not copied it yet. Check the link, or find the sale in your orders.
    </HistoryEmpty>
  );
}
