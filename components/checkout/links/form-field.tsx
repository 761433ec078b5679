import type { ReactNode } from "react";

export const inputClass = "h-10 w-full rounded-md border border-neutral-300 bg-white px-3 text-sm";

/** A label, the control passed in, a hint and the field's errors. */
export function FormField({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && <p className="text-xs text-neutral-500">{hint}</p>}
      {errors?.length ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
