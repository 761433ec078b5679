import type { ReactNode } from "react";

/**
 * A chart with a title and a sentence that says what it shows, for screen readers and for anyone
 * reading before the chart has drawn (charts render in the browser; the tables beside them on the
 * server).
 */
export function ChartFrame({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <figure className="rounded-lg border border-neutral-200 bg-white p-4">
      <figcaption className="mb-2">
        <span className="block text-sm font-semibold text-neutral-900">{title}</span>
        <span className="block text-xs text-neutral-500">{summary}</span>
      </figcaption>
      <div role="img" aria-label={`${title}: ${summary}`} className="h-60 w-full">
        {children}
      </div>
    </figure>
  );
}
