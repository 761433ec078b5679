import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

const slug = (title: string) => `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/** One panel of the customer page: a titled region (so tests and screen readers can find it by name). */
export function Panel({ title, description, actions, children }: { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <Card aria-labelledby={slug(title)} className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={slug(title)} className="text-lg font-semibold text-neutral-900">
            {title}
          </h2>
          {description && <p className="mt-1 text-sm text-neutral-600">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </Card>
  );
}

/** The panel while its data streams in: same title, grey lines. */
export function PanelSkeleton({ title, lines = 4 }: { title: string; lines?: number }) {
  return (
    <Card role="status" aria-label={`Loading ${title.toLowerCase()}`} className="space-y-3">
      <h2 className="text-lg font-semibold text-neutral-400">{title}</h2>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} className={`h-4 ${i % 2 ? "w-2/3" : "w-full"}`} />
      ))}
    </Card>
  );
}
