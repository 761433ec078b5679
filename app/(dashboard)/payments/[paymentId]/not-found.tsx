import { HistoryEmpty } from "@/components/history/history-empty";

export default function PaymentNotFound() {
  return (
    <HistoryEmpty title="Payment not found" actions={[{ label: "Back to payments", href: "/payments" }]}>
      There is no payment with this id in your Square account, or Patron has not copied it yet. Check the link, or find it in your payments.
    </HistoryEmpty>
  );
}
