"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { chargeOnFileAction } from "@/lib/actions/charges";
import type { ChargeReceipt } from "@/lib/customers/charge-types";
import { parseAmountInput } from "@/lib/money/parse-amount";
import { formatAmount } from "@/lib/reports/money";
import { useAttempt } from "./attempt";
import { itemsForAction, LineItemsFields, type LineItemDraft } from "./line-items-fields";
import { useCustomerAction } from "./use-customer-action";

export interface ChargeSource {
  id: string;
  /** "Visa •••• 1111" or "Gift card •••• 0000 ($45.00 left)". */
  label: string;
}

export interface ChargeFormProps {
  customerId: string;
  sources: ChargeSource[];
  currency: string;
  maxAmount: number;
}

/** Charge a card or gift card on file: an amount in dollars and cents, an optional note and items. */
export function ChargeForm({ customerId, sources, currency, maxAmount }: ChargeFormProps) {
  const { busy, failed, run } = useCustomerAction();
  const attempt = useAttempt();
  const [sourceId, setSourceId] = useState(sources[0]?.id ?? "");
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [items, setItems] = useState<LineItemDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ChargeReceipt | null>(null);
  const parsed = parseAmountInput(amount, { currency, max: maxAmount });

  async function charge(event: FormEvent) {
    event.preventDefault();
    setReceipt(null);
    const lineItems = itemsForAction(items);
    const attemptId = attempt.forSubmission(JSON.stringify({ amount: parsed.ok ? parsed.amount : amount, note, lineItems }));
    const result = await run(() => chargeOnFileAction({ customerId, attemptId, sourceId, amount, note, lineItems }));
    if (!result) return;
    if (result.ok) {
      attempt.finish();
      setReceipt(result.data);
      setErrors({});
      setProblem(null);
      setAmount("");
      setNote("");
      setItems([]);
      return;
    }
    setErrors("fieldErrors" in result ? (result.fieldErrors ?? {}) : {});
    setProblem(result.message);
  }

  return (
    <form onSubmit={charge} noValidate aria-label="Charge on file" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="charge-source" className="text-sm font-medium">
            Card or gift card
          </label>
          <select id="charge-source" value={sourceId} onChange={(e) => setSourceId(e.target.value)} className="h-10 rounded-md border border-neutral-300 px-2">
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          {errors.sourceId && <p className="text-sm text-red-700">{errors.sourceId.join(" ")}</p>}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="charge-amount" className="text-sm font-medium">
            Amount ({currency})
          </label>
          <input
            id="charge-amount"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            placeholder="12.50"
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby="charge-amount-hint"
            className="h-10 rounded-md border border-neutral-300 px-3"
          />
          <p id="charge-amount-hint" className={`text-xs ${errors.amount ? "text-red-700" : "text-neutral-500"}`}>
            {errors.amount?.join(" ") ?? `Up to ${formatAmount({ amount: maxAmount, currency })}.`}
          </p>
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="charge-note" className="text-sm font-medium">
          Note (optional)
        </label>
        <input id="charge-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} className="h-10 rounded-md border border-neutral-300 px-3" />
      </div>
      <details className="text-sm" open={items.length > 0}>
        <summary className="cursor-pointer font-medium text-neutral-700">Items (optional)</summary>
        <div className="mt-2">
          <LineItemsFields idPrefix="charge" items={items} onChange={setItems} currency={currency} errors={errors} />
        </div>
      </details>
      {(problem || failed) && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem ?? failed}
        </p>
      )}
      {receipt && <ChargeDone receipt={receipt} />}
      <Button type="submit" disabled={busy || !sourceId}>
        {busy ? "Charging…" : parsed.ok ? `Charge ${formatAmount({ amount: parsed.amount, currency })}` : "Charge"}
      </Button>
    </form>
  );
}

/** The charge went through: what, to which card, Square's receipt number and links. */
export function ChargeDone({ receipt }: { receipt: ChargeReceipt }) {
  return (
    <div role="status" className="space-y-1 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-950">
      <p className="font-medium">
        Charged {formatAmount(receipt.amount)}
        {receipt.last4 ? ` to ${receipt.cardBrand === "SQUARE_GIFT_CARD" ? "gift card" : "card"} •••• ${receipt.last4}` : ""}. Receipt #{receipt.receiptNumber ?? "—"}
      </p>
      <p className="flex gap-4">
        <Link href={`/payments/${receipt.paymentId}`} className="underline">
          View the payment
        </Link>
        {receipt.receiptUrl && (
          <a href={receipt.receiptUrl} target="_blank" rel="noopener noreferrer" className="underline">
            Square receipt
          </a>
        )}
      </p>
    </div>
  );
}
