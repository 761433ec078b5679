"use client";

import { Button } from "@/components/ui/button";

export interface LineItemDraft {
  name: string;
  quantity: string;
  price: string;
}

export const EMPTY_LINE: LineItemDraft = { name: "", quantity: "1", price: "" };

/** Ad hoc items (name, quantity, price as typed): each field labelled with its item's number. */
export function LineItemsFields(props: {
  idPrefix: string;
  items: LineItemDraft[];
  onChange: (items: LineItemDraft[]) => void;
  currency: string;
  errors: Record<string, string[]>;
  minItems?: number;
}) {
  const { idPrefix, items, onChange, currency, errors, minItems = 0 } = props;
  const update = (i: number, patch: Partial<LineItemDraft>) => onChange(items.map((item, j) => (i === j ? { ...item, ...patch } : item)));
  const input = (i: number, key: keyof LineItemDraft, label: string, className: string, inputMode?: "decimal" | "numeric") => {
    const id = `${idPrefix}-item-${i}-${key}`;
    const error = errors[`lineItems.${i}.${key}`];
    return (
      <div className={`flex flex-col gap-1 ${className}`}>
        <label htmlFor={id} className="text-xs font-medium text-neutral-700">
          {label}
        </label>
        <input
          id={id}
          value={items[i][key]}
          inputMode={inputMode}
          onChange={(e) => update(i, { [key]: e.target.value })}
          aria-invalid={error ? true : undefined}
          className="h-9 rounded-md border border-neutral-300 px-2 text-sm"
        />
        {error && <p className="text-xs text-red-700">{error.join(" ")}</p>}
      </div>
    );
  };
  return (
    <div className="space-y-2">
      {items.map((_, i) => (
        <div key={i} className="flex flex-wrap items-end gap-2">
          {input(i, "name", `Item ${i + 1} name`, "min-w-40 flex-1")}
          {input(i, "quantity", `Item ${i + 1} quantity`, "w-24", "numeric")}
          {input(i, "price", `Item ${i + 1} price (${currency})`, "w-32", "decimal")}
          {items.length > minItems && (
            <Button type="button" size="sm" variant="ghost" onClick={() => onChange(items.filter((__, j) => j !== i))} aria-label={`Remove item ${i + 1}`}>
              Remove
            </Button>
          )}
        </div>
      ))}
      {errors.lineItems && <p className="text-xs text-red-700">{errors.lineItems.join(" ")}</p>}
      <Button type="button" size="sm" variant="secondary" onClick={() => onChange([...items, EMPTY_LINE])}>
        Add an item
      </Button>
    </div>
  );
}

/** The items as the action takes them (the server parses the prices). */
export const itemsForAction = (items: LineItemDraft[]) => items.map((l) => ({ name: l.name, quantity: l.quantity, price: l.price }));
