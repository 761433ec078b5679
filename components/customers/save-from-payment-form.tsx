"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { saveCardFromPaymentAction } from "@/lib/actions/cards";
import { sellerConsentExplanation, sellerConsentLabel } from "@/lib/customers/consent";
import { brandLabel } from "@/lib/reports/labels";
import { useCustomerAction } from "./use-customer-action";

export interface SavablePaymentOption {
  id: string;
  /** "Visa •••• 1111 — $12.50 on Mar 3, 2026". */
  label: string;
}

/** Saves the card the customer paid with earlier (CreateCard from the payment), with the same consent box. */
export function SaveFromPaymentForm({ customerId, customerName, businessName, payments }: { customerId: string; customerName: string; businessName: string; payments: SavablePaymentOption[] }) {
  const { busy, failed, run } = useCustomerAction();
  const [paymentId, setPaymentId] = useState(payments[0]?.id ?? "");
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (!consent) return setProblem("Tick the box to confirm the customer agreed to have this card saved. Nothing was saved.");
    setProblem(null);
    const result = await run(() => saveCardFromPaymentAction({ customerId, paymentId, consent }));
    if (result?.ok) {
      setSaved(`Saved ${brandLabel(result.data.cardBrand)} •••• ${result.data.last4 ?? ""} on file.`);
      setConsent(false);
    } else if (result) setProblem(result.message);
  }

  return (
    <form onSubmit={save} noValidate aria-label="Save the card from an earlier payment" className="space-y-3 rounded-md border border-neutral-200 p-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="savable-payment" className="text-sm font-medium">
          Card used in an earlier payment
        </label>
        <select id="savable-payment" value={paymentId} onChange={(e) => setPaymentId(e.target.value)} className="h-10 rounded-md border border-neutral-300 px-2">
          {payments.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1 rounded-md border border-neutral-200 bg-neutral-50 p-3">
        <label className="flex items-start gap-2 text-sm font-medium">
          <input type="checkbox" required checked={consent} onChange={(e) => setConsent(e.target.checked)} aria-describedby="save-payment-consent" className="mt-0.5 h-4 w-4" />
          {sellerConsentLabel(customerName, businessName)}
        </label>
        <p id="save-payment-consent" className="pl-6 text-xs text-neutral-600">
          {sellerConsentExplanation(businessName)}
        </p>
      </div>
      {(problem || failed) && (
        <p role="alert" className="text-sm text-red-700">
          {problem ?? failed}
        </p>
      )}
      {saved && (
        <p role="status" className="text-sm text-emerald-800">
          {saved}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={busy || !paymentId}>
        {busy ? "Saving…" : "Save this card"}
      </Button>
    </form>
  );
}
