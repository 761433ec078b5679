import { FigureGrid } from "@/components/reports/figure-grid";
import { Skeleton } from "@/components/ui/skeleton";

export default function OverviewLoading() {
  return (
    <div role="status" aria-label="Loading the overview" className="space-y-6">
      <Skeleton className="h-8 w-40" />
      <FigureGrid.Skeleton />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
