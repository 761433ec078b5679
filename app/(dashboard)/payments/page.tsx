import type { Metadata } from "next";
import { ComingSoon } from "@/components/layout/coming-soon";
import { requireSeller } from "@/lib/auth/current-seller";

export const metadata: Metadata = { title: "Payments" };

export default async function PaymentsPage() {
  await requireSeller();
  return (
    <ComingSoon
      title="Payments"
      summary="Every payment, attributed to the right customer even when Square assigns the customer later or profiles were merged."
      points={["Payments by card, card on file and gift card", "Charge a saved card or gift card", "Refund status at a glance"]}
    />
  );
}
