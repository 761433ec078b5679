import type { InputHTMLAttributes } from "react";

/** A labelled input with its errors announced and tied to it (no class-merging library: this ships to buyers). */
export function Field({ id, label, errors, hint, ...input }: { id: string; label: string; errors?: string[]; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const described = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-neutral-800">
        {label}
      </label>
      <input
        id={id}
        name={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described}
        className={`h-11 rounded-md border bg-white px-3 text-base outline-none focus:border-neutral-900 focus:ring-2 focus:ring-neutral-300 ${errors?.length ? "border-red-600" : "border-neutral-300"}`}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-neutral-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
