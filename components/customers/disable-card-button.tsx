"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { disableCardAction } from "@/lib/actions/cards";
import { useCustomerAction } from "./use-customer-action";

/** Disable, then a confirmation: a disabled card can never be charged again. */
export function DisableCardButton({ customerId, cardId, label }: { customerId: string; cardId: string; label: string }) {
  const { busy, failed, run } = useCustomerAction();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function disable() {
    const result = await run(() => disableCardAction({ customerId, cardId }));
    if (result && !result.ok) setProblem(result.message);
    setConfirming(false);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      {confirming ? (
        <div role="group" aria-label={`Disable ${label}?`} className="flex items-center gap-2">
          <span className="text-xs text-neutral-600">It can&apos;t be charged again.</span>
          <Button size="sm" variant="danger" onClick={disable} disabled={busy}>
            {busy ? "Disabling…" : `Yes, disable ${label}`}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Disable ${label}`}>
          Disable
        </Button>
      )}
      {(problem || failed) && (
        <p role="alert" className="text-xs text-red-700">
          {problem ?? failed}
        </p>
      )}
    </div>
  );
}
