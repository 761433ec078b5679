import type { Metadata } from "next";
import { ComingSoon } from "@/components/layout/coming-soon";
import { requireSeller } from "@/lib/auth/current-seller";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  await requireSeller();
  return (
    <ComingSoon
      title="Orders"
      summary="Your Square orders, each linked to the customer who placed it."
      points={["Orders from every channel, newest first", "Create an order for a customer", "Filter by customer, state and date"]}
    />
  );
}
