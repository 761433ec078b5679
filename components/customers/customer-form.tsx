"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Field } from "@/components/checkout/field";
import { Button } from "@/components/ui/button";
import { createCustomerAction, findExistingCustomersAction, updateCustomerAction } from "@/lib/actions/customers";
import type { ExistingProfile } from "@/lib/customers/create-customer";
import { CUSTOMER_FIELD_LABELS as LABELS } from "@/lib/customers/field-labels";
import type { FieldChange } from "@/lib/customers/update-customer";
import type { CustomerFieldErrors, CustomerFormValues } from "@/lib/validations/customers";
import { ConflictNotice } from "./conflict-notice";
import { ExistingProfiles } from "./existing-profiles";

export type CustomerFormProps =
  | { mode: "create"; initial: CustomerFormValues }
  | { mode: "edit"; initial: CustomerFormValues; customerId: string; version: number };

type Key = keyof CustomerFormValues;
const ROWS: Key[][] = [["givenName", "familyName"], ["companyName"], ["emailAddress", "phoneNumber"], ["birthday", "referenceId"]];
const ADDRESS: Key[][] = [["addressLine1"], ["addressLine2"], ["locality", "administrativeDistrictLevel1"], ["postalCode", "country"]];
const HINTS: Partial<Record<Key, string>> = {
  phoneNumber: "With the country code (+44 …) if it isn't a local number.",
  birthday: "YYYY-MM-DD, or MM-DD without the year.",
  country: "Two letters, like US or GB.",
};

/**
 * Create or edit a customer. Creating checks Square for a profile with the same email or phone, as
 * they are typed and again on submit; editing sends the version it started from, and when someone
 * else changed the profile meanwhile it shows their changes instead of overwriting them.
 */
export function CustomerForm(props: CustomerFormProps) {
  const router = useRouter();
  const [values, setValues] = useState(props.initial);
  const [base, setBase] = useState({ original: props.initial, version: props.mode === "edit" ? props.version : 0 });
  const [errors, setErrors] = useState<CustomerFieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [existing, setExisting] = useState<ExistingProfile[]>([]);
  const [conflict, setConflict] = useState<FieldChange[] | null>(null);
  const [busy, setBusy] = useState(false);
  const attemptId = useRef(crypto.randomUUID());
  const submitting = useRef(false);
  const set = (key: Key) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  async function checkExisting() {
    if (props.mode !== "create" || (!values.emailAddress && !values.phoneNumber)) return;
    const found = await findExistingCustomersAction({ emailAddress: values.emailAddress, phoneNumber: values.phoneNumber });
    if (found.ok) setExisting(found.data);
  }

  async function submit(event: { preventDefault(): void }, allowDuplicate = false) {
    event.preventDefault();
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setProblem(null);
    try {
      if (props.mode === "create") {
        const result = await createCustomerAction({ attemptId: attemptId.current, allowDuplicate, values });
        if (result.ok && "customerId" in result.data) return router.push(`/customers/${result.data.customerId}`);
        if (result.ok) return setExisting("duplicates" in result.data ? result.data.duplicates : []);
        setErrors(result.fieldErrors ?? {});
        setProblem(result.message);
      } else {
        const result = await updateCustomerAction({ customerId: props.customerId, version: base.version, original: base.original, values });
        if (result.ok) {
          router.push(`/customers/${props.customerId}`);
          return router.refresh();
        }
        setErrors("fieldErrors" in result ? (result.fieldErrors ?? {}) : {});
        setProblem(result.message);
        if (result.code === "CONFLICT" && "changes" in result) {
          setConflict(result.changes);
          // Keep what this seller changed; take everyone else's changes for the rest.
          setValues((v) => Object.fromEntries(Object.entries(v).map(([k, mine]) => [k, mine === base.original[k as Key] ? result.current[k as Key] : mine])) as CustomerFormValues);
          setBase({ original: result.current, version: result.version });
        }
      }
    } catch {
      setProblem("Something went wrong before Square answered. Check your connection and try again.");
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  const field = (key: Key) => (
    <Field key={key} id={key} label={LABELS[key]} value={values[key]} onChange={set(key)} errors={errors[key]} hint={HINTS[key]} onBlur={key === "emailAddress" || key === "phoneNumber" ? checkExisting : undefined} type={key === "emailAddress" ? "email" : key === "phoneNumber" ? "tel" : "text"} />
  );
  const rows = (groups: Key[][]) => groups.map((g) => <div key={g.join()} className={`grid gap-3 ${g.length > 1 ? "sm:grid-cols-2" : ""}`}>{g.map(field)}</div>);

  return (
    <form onSubmit={(e) => submit(e)} noValidate aria-label={props.mode === "create" ? "New customer" : "Edit customer"} className="max-w-2xl space-y-5">
      {conflict && <ConflictNotice changes={conflict} />}
      {existing.length > 0 && props.mode === "create" && <ExistingProfiles profiles={existing} onCreateAnyway={(e) => submit(e, true)} busy={busy} />}
      <fieldset className="space-y-3">
        <legend className="mb-2 text-base font-semibold">Customer</legend>
        {rows(ROWS)}
        <div className="flex flex-col gap-1">
          <label htmlFor="note" className="text-sm font-medium text-neutral-800">
            {LABELS.note}
          </label>
          <textarea id="note" value={values.note} onChange={set("note")} rows={3} className="rounded-md border border-neutral-300 px-3 py-2" aria-invalid={errors.note ? true : undefined} />
          {errors.note && <p className="text-sm text-red-700">{errors.note.join(" ")}</p>}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-base font-semibold">Address</legend>
        {rows(ADDRESS)}
      </fieldset>
      {(problem || errors.form) && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {[problem, ...(errors.form ?? [])].filter((m, i, all) => m && all.indexOf(m) === i).join(" ")}
        </p>
      )}
      <div className="flex gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : props.mode === "create" ? "Create customer" : "Save changes"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
