import type { ReactNode } from "react";

/** Label–value pairs of a detail page, as a description list. */
export function Facts({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-medium text-neutral-500">{label}</dt>
          <dd className="mt-0.5 text-neutral-900">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
