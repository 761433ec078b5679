"use client";

import { useRef, useState, type FormEvent } from "react";
import { CARD_CONTAINER, useSquarePayments, type SquareSettings } from "@/components/checkout/use-square-payments";
import { Button } from "@/components/ui/button";
import { saveCardAction } from "@/lib/actions/cards";
import { sellerConsentExplanation, sellerConsentLabel } from "@/lib/customers/consent";
import { brandLabel } from "@/lib/reports/labels";
import { useCustomerAction } from "./use-customer-action";

export interface SaveCardFormProps {
  customerId: string;
  customerName: string;
  givenName: string | null;
  familyName: string | null;
  businessName: string;
  square: SquareSettings;
  onDone: () => void;
}

const UNKNOWN_OUTCOME = new Set(["SQUARE_UNAVAILABLE", "SQUARE_TIMEOUT", "RATE_LIMITED"]);

/**
 * Square's card form (Web Payments SDK; the card number stays in Square's iframe), tokenized with
 * intent STORE, behind a consent box the seller ticks for the customer. Unticked, nothing is sent.
 */
export function SaveCardForm(props: SaveCardFormProps) {
  const sdk = useSquarePayments(props.square, "card");
  const { busy, failed, run } = useCustomerAction();
  const [cardholder, setCardholder] = useState([props.givenName, props.familyName].filter(Boolean).join(" "));
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Kept while Square's answer is unknown (busy, unreachable, too slow), so the retry finds a card an
  // earlier try may have saved; a new one after any definite answer.
  const attemptId = useRef(crypto.randomUUID());

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (!consent) return setProblem("Tick the box to confirm the customer agreed to have this card saved. Nothing was saved.");
    setProblem(null);
    await run(async () => {
      const token = await sdk.tokenize({
        intent: "STORE",
        billingContact: { givenName: props.givenName ?? undefined, familyName: props.familyName ?? undefined },
        customerInitiated: false,
        sellerKeyedIn: true,
      });
      if (token.status !== "OK") {
        setProblem(tokenProblem(token));
        return { ok: false };
      }
      const result = await saveCardAction({
        customerId: props.customerId,
        attemptId: attemptId.current,
        sourceId: token.token,
        postalCode: token.details?.billing?.postalCode ?? "",
        cardholderName: cardholder,
        consent,
      });
      if (result.ok || !UNKNOWN_OUTCOME.has(result.code)) attemptId.current = crypto.randomUUID();
      if (result.ok) {
        setSaved(`Saved ${brandLabel(result.data.cardBrand)} •••• ${result.data.last4 ?? ""} on file.`);
        setConsent(false);
      } else setProblem(result.fieldErrors?.consent?.join(" ") ?? result.message);
      return result;
    });
  }

  return (
    <form onSubmit={save} noValidate aria-label="Save a card on file" className="space-y-3 rounded-md border border-neutral-200 p-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="cardholder" className="text-sm font-medium">
          Name on the card
        </label>
        <input id="cardholder" value={cardholder} onChange={(e) => setCardholder(e.target.value)} className="h-10 rounded-md border border-neutral-300 px-3" autoComplete="off" />
      </div>
      <div id={CARD_CONTAINER} />
      {sdk.state === "loading" && <p className="text-sm text-neutral-500">Loading Square&apos;s card form…</p>}
      {sdk.state === "failed" && (
        <p role="alert" className="text-sm text-red-700">
          Square&apos;s card form could not load. Check the connection and reload the page.
        </p>
      )}
      <div className="flex flex-col gap-1 rounded-md border border-neutral-200 bg-neutral-50 p-3">
        <label className="flex items-start gap-2 text-sm font-medium">
          <input type="checkbox" required checked={consent} onChange={(e) => setConsent(e.target.checked)} aria-describedby="save-card-consent" className="mt-0.5 h-4 w-4" />
          {sellerConsentLabel(props.customerName, props.businessName)}
        </label>
        <p id="save-card-consent" className="pl-6 text-xs text-neutral-600">
          {sellerConsentExplanation(props.businessName)}
        </p>
      </div>
      {(problem || failed) && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem ?? failed}
        </p>
      )}
      {saved && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          {saved}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || sdk.state !== "ready"}>
          {busy ? "Saving…" : "Save card"}
        </Button>
        <Button type="button" variant="ghost" onClick={props.onDone}>
          Close
        </Button>
      </div>
    </form>
  );
}

function tokenProblem(result: { status: string; errors?: { message?: string }[] }): string {
  const messages = (result.errors ?? []).map((e) => e.message).filter(Boolean).join(" ");
  if (result.status === "Invalid") return `Check the card details: ${messages}`;
  if (result.status === "Error") return messages || "Square could not verify the card. Try again.";
  return "The card was not entered. Try again.";
}
