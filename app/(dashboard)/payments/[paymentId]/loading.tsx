import { DetailSkeleton } from "@/components/history/detail-skeleton";

export default function PaymentLoading() {
  return <DetailSkeleton label="Loading the payment" />;
}
