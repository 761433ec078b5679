import { PanelSkeleton } from "@/components/customers/panels/panel";
import { Skeleton } from "@/components/ui/skeleton";

export default function CustomerLoading() {
  return (
    <>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-4 w-40" />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <PanelSkeleton title="Profile" lines={8} />
        <PanelSkeleton title="Spend" lines={8} />
      </div>
    </>
  );
}
