import type { Metadata } from "next";
import { ComingSoon } from "@/components/layout/coming-soon";
import { requireSeller } from "@/lib/auth/current-seller";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requireSeller();
  return (
    <ComingSoon
      title="Reports"
      summary="Charts of what your customers buy and how often they come back."
      points={["Revenue per customer", "Repeat-visit rates", "Top customers over any period"]}
    />
  );
}
