import { enumLabel } from "@/lib/reports/labels";
import { cn } from "@/lib/utils";

const TONES: Record<string, string> = {
  COMPLETED: "bg-emerald-100 text-emerald-900",
  OPEN: "bg-sky-100 text-sky-900",
  APPROVED: "bg-sky-100 text-sky-900",
  PENDING: "bg-sky-100 text-sky-900",
  DRAFT: "bg-neutral-100 text-neutral-700",
  CANCELED: "bg-neutral-200 text-neutral-700",
  FAILED: "bg-red-100 text-red-900",
};

/** An order state or payment status as a small coloured label. */
export function StatusBadge({ value }: { value: string | null }) {
  return <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", TONES[value ?? ""] ?? "bg-neutral-100 text-neutral-700")}>{enumLabel(value)}</span>;
}
