import { Skeleton } from "@/components/ui/skeleton";

/** The title, description and filter bar of a history page while it loads. */
export function HistoryHeaderSkeleton() {
  return (
    <>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="mb-4 h-24 w-full" />
    </>
  );
}
