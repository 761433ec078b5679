import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { HistoryLocation } from "@/lib/db/queries/history-filters";

export interface SelectField {
  name: string;
  label: string;
  /** The option meaning "no filter". */
  anyLabel: string;
  value?: string;
  options: { value: string; label: string }[];
}

const control = "h-9 rounded-md border border-neutral-300 bg-white px-2 text-sm text-neutral-900";

/**
 * The filters of a history page as a plain GET form: submitting it is navigating to the filtered
 * URL, so every view is a link and the page works before (and without) JavaScript.
 */
export function FilterForm({
  action,
  from,
  to,
  locations,
  location,
  fields = [],
  presets = [],
}: {
  action: string;
  from: string;
  to: string;
  locations: HistoryLocation[];
  location?: string;
  fields?: SelectField[];
  presets?: { label: string; href: string; current: boolean }[];
}) {
  // The inputs are uncontrolled: a new key per filtered view makes a quick-range link (a client-side
  // navigation) show its dates instead of keeping the ones typed before.
  const key = [from, to, location, ...fields.map((f) => f.value)].join("|");
  return (
    <form key={key} role="search" aria-label="Filters" action={action} className="mb-4 rounded-lg border border-neutral-200 bg-white p-4">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="From">
          <input type="date" name="from" defaultValue={from} className={control} />
        </Field>
        <Field label="To">
          <input type="date" name="to" defaultValue={to} className={control} />
        </Field>
        {locations.length > 1 && (
          <Select field={{ name: "location", label: "Location", anyLabel: "All locations", value: location, options: locations.map((l) => ({ value: l.id, label: l.name })) }} />
        )}
        {fields.map((f) => (
          <Select key={f.name} field={f} />
        ))}
        <Button type="submit" size="sm" className="h-9">
          Apply filters
        </Button>
        <Link href={action} className="h-9 px-2 text-sm leading-9 text-neutral-600 underline-offset-2 hover:underline">
          Clear filters
        </Link>
      </div>
      {presets.length > 0 && (
        <nav aria-label="Quick ranges" className="mt-3 flex flex-wrap gap-2 text-sm">
          {presets.map((p) => (
            <Link
              key={p.label}
              href={p.href}
              aria-current={p.current ? "true" : undefined}
              className={p.current ? "rounded-full bg-neutral-900 px-3 py-1 text-white" : "rounded-full border border-neutral-300 px-3 py-1 text-neutral-700 hover:bg-neutral-100"}
            >
              {p.label}
            </Link>
          ))}
        </nav>
      )}
    </form>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
      {label}
      {children}
    </label>
  );
}

function Select({ field }: { field: SelectField }) {
  const options = field.value && !field.options.some((o) => o.value === field.value) ? [...field.options, { value: field.value, label: field.value }] : field.options;
  return (
    <Field label={field.label}>
      <select name={field.name} defaultValue={field.value ?? ""} className={control}>
        <option value="">{field.anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
