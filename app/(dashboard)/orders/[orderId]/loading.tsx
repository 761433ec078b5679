import { DetailSkeleton } from "@/components/history/detail-skeleton";

export default function OrderLoading() {
  return <DetailSkeleton label="Loading the order" />;
}
