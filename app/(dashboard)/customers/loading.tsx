import { DirectoryTableSkeleton } from "@/components/customers/directory-table-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function CustomersLoading() {
  return (
    <>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-72" />
      </div>
      <Skeleton className="mb-4 h-10 w-full" />
      <DirectoryTableSkeleton />
    </>
  );
}
