import type { ReactNode } from "react";
import { ExportButton } from "@/components/history/export-button";
import { ChartFrame } from "@/components/charts/chart-frame";

/** One report: its chart, the same numbers as a table, and the table's CSV. */
export function ReportSection({
  id,
  title,
  summary,
  exportHref,
  chart,
  table,
}: {
  id: string;
  title: string;
  summary: string;
  exportHref: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-lg font-semibold text-neutral-900">
          {title}
        </h2>
        <ExportButton href={exportHref} label={`Export ${title.toLowerCase()} (CSV)`} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[4fr_3fr]">
        <ChartFrame title={title} summary={summary}>
          {chart}
        </ChartFrame>
        <div className="max-h-80 overflow-auto">{table}</div>
      </div>
    </section>
  );
}
