import type { Metadata } from "next";
import { ComingSoon } from "@/components/layout/coming-soon";
import { requireSeller } from "@/lib/auth/current-seller";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requireSeller();
  return (
    <ComingSoon
      title="Overview"
      summary="A summary of your business at a glance, built from Patron's copy of your Square data."
      points={["Sales today, this week and this month", "New and returning customers", "Recent payments and orders, attributed to customers"]}
    />
  );
}
