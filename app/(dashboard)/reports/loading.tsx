import { HistoryHeaderSkeleton } from "@/components/history/history-header-skeleton";
import { FigureGrid } from "@/components/reports/figure-grid";
import { Skeleton } from "@/components/ui/skeleton";

export default function ReportsLoading() {
  return (
    <div role="status" aria-label="Loading reports">
      <HistoryHeaderSkeleton />
      <FigureGrid.Skeleton />
      <Skeleton className="mt-8 h-64 w-full" />
    </div>
  );
}
