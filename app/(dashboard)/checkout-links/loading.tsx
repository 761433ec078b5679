import { CheckoutLinkTable } from "@/components/checkout/links/checkout-link-table";
import { Skeleton } from "@/components/ui/skeleton";

export default function CheckoutLinksLoading() {
  return (
    <>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-96" />
      </div>
      <CheckoutLinkTable.Skeleton />
    </>
  );
}
