"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { createCheckoutLinkAction, updateCheckoutLinkAction } from "@/lib/actions/checkout-links";
import type { CheckoutLinkDraft, CheckoutLinkFieldErrors, LocationOption } from "@/lib/validations/checkout-links";
import { LineItemsEditor } from "./line-items-editor";
import { FormField, inputClass } from "./form-field";

export interface CheckoutLinkFormProps {
  linkId?: string;
  locations: LocationOption[];
  initial: CheckoutLinkDraft;
}

/** Create or edit a checkout link: fixed items or an open amount, the card-saving offer, on or off. */
export function CheckoutLinkForm({ linkId, locations, initial }: CheckoutLinkFormProps) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<CheckoutLinkFieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const currency = locations.find((l) => l.id === values.locationId)?.currency ?? "USD";

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = linkId ? await updateCheckoutLinkAction(linkId, values) : await createCheckoutLinkAction(values);
    if (result.ok) {
      router.push("/checkout-links");
      router.refresh();
      return;
    }
    setErrors(result.fieldErrors ?? {});
    setMessage(result.message);
    setBusy(false);
  }

  return (
    <form onSubmit={save} noValidate className="flex max-w-2xl flex-col gap-5" aria-label={linkId ? "Edit checkout link" : "New checkout link"}>
      <FormField id="title" label="Title" errors={errors.title} hint="Buyers see it at the top of the page.">
        <input id="title" className={inputClass} value={values.title} onChange={(e) => set("title", e.target.value)} maxLength={100} />
      </FormField>
      <FormField id="locationId" label="Location" errors={errors.locationId} hint="Orders and payments are recorded at this location, in its currency.">
        <select id="locationId" className={inputClass} value={values.locationId} onChange={(e) => set("locationId", e.target.value)}>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({l.currency ?? "USD"})
            </option>
          ))}
        </select>
      </FormField>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium">Price</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="pricing" checked={values.pricing === "items"} onChange={() => set("pricing", "items")} /> Fixed items
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="pricing" checked={values.pricing === "open"} onChange={() => set("pricing", "open")} /> The buyer chooses the amount
        </label>
        {values.pricing === "items" ? (
          <LineItemsEditor lines={values.lineItems} currency={currency} errors={errors} onChange={(lines) => set("lineItems", lines)} />
        ) : (
          <div className="grid grid-cols-2 gap-3">
            <FormField id="openMin" label={`Smallest amount (${currency})`} errors={errors.openMin}>
              <input id="openMin" inputMode="decimal" className={inputClass} value={values.openMin} onChange={(e) => set("openMin", e.target.value)} />
            </FormField>
            <FormField id="openMax" label={`Largest amount (${currency})`} errors={errors.openMax}>
              <input id="openMax" inputMode="decimal" className={inputClass} value={values.openMax} onChange={(e) => set("openMax", e.target.value)} />
            </FormField>
          </div>
        )}
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" role="switch" className="mt-0.5 h-4 w-4" checked={values.offerSaveCard} onChange={(e) => set("offerSaveCard", e.target.checked)} />
        <span>
          <span className="font-medium">Offer to save the card</span>
          <span className="block text-neutral-600">Buyers see an unticked box to save their card with you; Patron records their consent.</span>
        </span>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" role="switch" className="h-4 w-4" checked={values.active} onChange={(e) => set("active", e.target.checked)} />
        <span className="font-medium">Active</span> <span className="text-neutral-600">(an inactive link shows buyers a “not available” page)</span>
      </label>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {linkId ? "Save changes" : "Create link"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/checkout-links")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
