"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { payCheckoutAction } from "@/lib/actions/checkout";
import { amountToDecimal, parseAmount } from "@/lib/checkout/money";
import type { CheckoutOutcome } from "@/lib/checkout/types";
import type { CheckoutFieldErrors } from "@/lib/validations/checkout";
import { attemptForSubmission, currentAttempt, forgetAttempt } from "./attempt-store";
import { Field } from "./field";
import { formatAmount } from "./format-amount";
import { PaymentMethodFields } from "./payment-method-fields";
import { useSquarePayments, type PaymentMethod, type SquareSettings } from "./use-square-payments";

export interface CheckoutFormProps {
  linkId: string;
  /** Minted by the server for this render; a stored attempt from before a reload wins. */
  attemptId: string;
  square: SquareSettings;
  currency: string;
  pricing: "items" | "open";
  total: number | null;
  openMin: number | null;
  openMax: number | null;
  consent: { label: string; explanation: string } | null;
}

export function CheckoutForm(props: CheckoutFormProps) {
  const { linkId, currency } = props;
  const [method, setMethod] = useState<PaymentMethod>("card");
  const [buyer, setBuyer] = useState({ givenName: "", familyName: "", email: "", phone: "" });
  const [amountText, setAmountText] = useState("");
  const [saveCard, setSaveCard] = useState(false);
  const [busy, setBusy] = useState(false);
  // A ref, not state: a double click fires the second submit before React re-renders the button disabled.
  const submitting = useRef(false);
  const [errors, setErrors] = useState<CheckoutFieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const sdk = useSquarePayments(props.square, method);
  useEffect(() => void currentAttempt(linkId, props.attemptId), [linkId, props.attemptId]);

  const amount = props.pricing === "items" ? props.total : parseAmount(amountText, currency);
  const set = (field: keyof typeof buyer) => (e: { target: { value: string } }) => setBuyer((b) => ({ ...b, [field]: e.target.value }));

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (submitting.current) return;
    const local = checkLocally(buyer, props, amount);
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length || amount === null) return;
    submitting.current = true;
    setBusy(true);
    try {
      const snapshot = JSON.stringify({ amount, email: buyer.email.trim().toLowerCase(), phone: buyer.phone.replace(/\D/g, "") });
      const attemptId = attemptForSubmission(linkId, props.attemptId, snapshot);
      const keep = saveCard && method === "card" && props.consent !== null;
      const token = await sdk.tokenize({
        amount: amountToDecimal(amount, currency),
        currencyCode: currency,
        intent: keep ? "CHARGE_AND_STORE" : "CHARGE",
        billingContact: { givenName: buyer.givenName, familyName: buyer.familyName, email: buyer.email || undefined, phone: buyer.phone || undefined },
        customerInitiated: true,
        sellerKeyedIn: false,
      });
      if (token.status !== "OK") return setProblem(tokenProblem(token));
      const outcome = await payCheckoutAction({ linkId, attemptId, sourceId: token.token, ...buyer, saveCard: keep, amount: props.pricing === "open" ? amount : null });
      if (outcome.ok) {
        forgetAttempt(linkId);
        return window.location.replace(`/pay/${encodeURIComponent(linkId)}/receipt/${outcome.receipt.attemptId}`);
      }
      showFailure(outcome);
    } catch {
      // The answer was lost, not necessarily the request: the payment may have gone through.
      setProblem("The connection broke before your payment was confirmed. Check your connection and pay again; you will not be charged twice.");
    }
    submitting.current = false;
    setBusy(false);
  }

  function showFailure(outcome: Exclude<CheckoutOutcome, { ok: true }>) {
    if (outcome.code === "INVALID_INPUT") setErrors(outcome.fieldErrors);
    if (outcome.code === "ATTEMPT_MISMATCH") forgetAttempt(linkId);
    setProblem(outcome.message);
  }

  return (
    <form onSubmit={pay} noValidate className="flex flex-col gap-5" aria-label="Payment">
      {props.pricing === "open" && (
        <Field
          id="amount"
          label={`Amount (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={amountText}
          onChange={(e) => setAmountText(e.target.value)}
          errors={errors.amount}
          hint={`Between ${formatAmount(props.openMin ?? 0, currency)} and ${formatAmount(props.openMax ?? 0, currency)}`}
        />
      )}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-base font-semibold">Your details</legend>
        <div className="grid grid-cols-2 gap-3">
          <Field id="givenName" label="First name" autoComplete="given-name" value={buyer.givenName} onChange={set("givenName")} errors={errors.givenName} />
          <Field id="familyName" label="Last name" autoComplete="family-name" value={buyer.familyName} onChange={set("familyName")} errors={errors.familyName} />
        </div>
        <Field id="email" label="Email" type="email" autoComplete="email" value={buyer.email} onChange={set("email")} errors={errors.email} hint="For your receipt. Give an email or a phone number." />
        <Field id="phone" label="Phone" type="tel" autoComplete="tel" value={buyer.phone} onChange={set("phone")} errors={errors.phone} />
      </fieldset>
      <PaymentMethodFields method={method} onMethod={setMethod} sdkState={sdk.state} />
      {props.consent && method === "card" && (
        <div className="flex flex-col gap-1 rounded-md border border-neutral-200 bg-neutral-50 p-3">
          <label className="flex items-start gap-2 text-sm font-medium">
            <input type="checkbox" className="mt-0.5 h-4 w-4" checked={saveCard} onChange={(e) => setSaveCard(e.target.checked)} aria-describedby="consent-explanation" />
            {props.consent.label}
          </label>
          <p id="consent-explanation" className="pl-6 text-xs text-neutral-600">
            {props.consent.explanation}
          </p>
        </div>
      )}
      {problem && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem}
        </p>
      )}
      <button
        type="submit"
        disabled={busy || sdk.state !== "ready"}
        className="h-12 rounded-md bg-neutral-900 text-base font-semibold text-white hover:bg-neutral-700 disabled:opacity-50"
      >
        {busy ? "Paying…" : amount ? `Pay ${formatAmount(amount, currency)}` : "Pay"}
      </button>
    </form>
  );
}

/** What can be told without a round trip; the server checks everything again. */
function checkLocally(buyer: { email: string; phone: string }, props: CheckoutFormProps, amount: number | null): CheckoutFieldErrors {
  const errors: CheckoutFieldErrors = {};
  if (!buyer.email.trim() && !buyer.phone.trim()) errors.email = errors.phone = ["Enter your email address or phone number, so the seller can send your receipt and find your order."];
  else if (buyer.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(buyer.email.trim())) errors.email = ["Enter a valid email address, like name@example.com."];
  if (props.pricing === "open" && (amount === null || amount < (props.openMin ?? 1) || amount > (props.openMax ?? Number.MAX_SAFE_INTEGER)))
    errors.amount = [`Enter an amount between ${formatAmount(props.openMin ?? 0, props.currency)} and ${formatAmount(props.openMax ?? 0, props.currency)}.`];
  return errors;
}

function tokenProblem(result: { status: string; errors?: { message?: string }[] }): string {
  if (result.status === "Invalid") return "Check your card details: " + (result.errors ?? []).map((e) => e.message).filter(Boolean).join(" ");
  if (result.status === "Error") return (result.errors ?? []).map((e) => e.message).filter(Boolean).join(" ") || "Your card could not be verified. Try again.";
  return "The payment was not completed. Try again.";
}
