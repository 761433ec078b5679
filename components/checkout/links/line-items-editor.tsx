import { Button } from "@/components/ui/button";
import type { CheckoutLinkFieldErrors, LineDraft } from "@/lib/validations/checkout-links";
import { FormField, inputClass } from "./form-field";

export function LineItemsEditor({ lines, currency, errors, onChange }: { lines: LineDraft[]; currency: string; errors: CheckoutLinkFieldErrors; onChange: (lines: LineDraft[]) => void }) {
  const update = (i: number, patch: Partial<LineDraft>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <div className="flex flex-col gap-3">
      {lines.map((line, i) => (
        <div key={i} className="grid grid-cols-[1fr_5rem_7rem_auto] items-start gap-2" role="group" aria-label={`Item ${i + 1}`}>
          <FormField id={`line-${i}-name`} label={`Item ${i + 1} name`} errors={errors[`lineItems.${i}.name`]}>
            <input id={`line-${i}-name`} className={inputClass} value={line.name} onChange={(e) => update(i, { name: e.target.value })} />
          </FormField>
          <FormField id={`line-${i}-quantity`} label="Quantity" errors={errors[`lineItems.${i}.quantity`]}>
            <input
              id={`line-${i}-quantity`}
              type="number"
              min={1}
              className={inputClass}
              value={line.quantity}
              onChange={(e) => update(i, { quantity: Number(e.target.value) })}
            />
          </FormField>
          <FormField id={`line-${i}-price`} label={`Unit price (${currency})`} errors={errors[`lineItems.${i}.unitPrice`]}>
            <input id={`line-${i}-price`} inputMode="decimal" className={inputClass} value={line.unitPrice} onChange={(e) => update(i, { unitPrice: e.target.value })} />
          </FormField>
          <Button type="button" variant="ghost" size="sm" className="mt-6" aria-label={`Remove item ${i + 1}`} onClick={() => onChange(lines.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </div>
      ))}
      {errors.lineItems && (
        <p role="alert" className="text-sm text-red-700">
          {errors.lineItems.join(" ")}
        </p>
      )}
      <Button type="button" variant="secondary" size="sm" className="self-start" onClick={() => onChange([...lines, { name: "", quantity: 1, unitPrice: "" }])}>
        Add item
      </Button>
    </div>
  );
}
