"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { createCustomerOrderAction } from "@/lib/actions/orders";
import type { NewOrderReceipt } from "@/lib/customers/charge-types";
import { formatAmount } from "@/lib/reports/money";
import { useAttempt } from "./attempt";
import { ChargeDone, type ChargeSource } from "./charge-form";
import { EMPTY_LINE, itemsForAction, LineItemsFields, type LineItemDraft } from "./line-items-fields";
import { useCustomerAction } from "./use-customer-action";

const LEAVE_OPEN = "";

/** A new order of ad hoc items for the customer: paid now from a card or gift card on file, or left open. */
export function NewOrderForm({ customerId, sources, currency }: { customerId: string; sources: ChargeSource[]; currency: string }) {
  const { busy, failed, run } = useCustomerAction();
  const attempt = useAttempt();
  const [items, setItems] = useState<LineItemDraft[]>([EMPTY_LINE]);
  const [payWith, setPayWith] = useState(LEAVE_OPEN);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<NewOrderReceipt | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const lineItems = itemsForAction(items);
    const attemptId = attempt.forSubmission(JSON.stringify(lineItems));
    const result = await run(() => createCustomerOrderAction({ customerId, attemptId, lineItems, payWith: payWith || null }));
    if (!result) return;
    if (result.ok) {
      attempt.finish();
      setDone(result.data);
      setItems([EMPTY_LINE]);
      setErrors({});
      setProblem(null);
      return;
    }
    setErrors("fieldErrors" in result ? (result.fieldErrors ?? {}) : {});
    setProblem(result.message);
  }

  return (
    <form onSubmit={create} noValidate aria-label="New order" className="space-y-3">
      <LineItemsFields idPrefix="order" items={items} onChange={setItems} currency={currency} errors={errors} minItems={1} />
      <div className="flex flex-col gap-1">
        <label htmlFor="order-pay-with" className="text-sm font-medium">
          Payment
        </label>
        <select id="order-pay-with" value={payWith} onChange={(e) => setPayWith(e.target.value)} className="h-10 rounded-md border border-neutral-300 px-2">
          <option value={LEAVE_OPEN}>Leave the order open (pay later)</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              Pay now with {s.label}
            </option>
          ))}
        </select>
      </div>
      {(problem || failed) && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem ?? failed}
        </p>
      )}
      {done &&
        (done.payment ? (
          <ChargeDone receipt={done.payment} />
        ) : (
          <p role="status" className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">
            Order of {formatAmount(done.total)} created and left open.{" "}
            <Link href={`/orders/${done.orderId}`} className="underline">
              View the order
            </Link>
          </p>
        ))}
      <Button type="submit" variant="secondary" disabled={busy}>
        {busy ? "Creating…" : payWith ? "Create and charge" : "Create order"}
      </Button>
    </form>
  );
}
