"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { linkGiftCardAction, unlinkGiftCardAction } from "@/lib/actions/gift-cards";
import { useCustomerAction } from "./use-customer-action";

/** Link by GAN: the number printed on the gift card. */
export function LinkGiftCardForm({ customerId }: { customerId: string }) {
  const { busy, failed, run } = useCustomerAction();
  const [gan, setGan] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function link(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const result = await run(() => linkGiftCardAction({ customerId, gan }));
    if (!result) return;
    if (result.ok) {
      setDone(`Gift card •••• ${gan.replace(/[\s-]/g, "").slice(-4)} is now on file.`);
      setGan("");
      setProblem(null);
    } else setProblem(result.fieldErrors?.gan?.join(" ") ?? result.message);
  }

  return (
    <form onSubmit={link} noValidate aria-label="Link a gift card" className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <label htmlFor="gift-card-gan" className="text-sm font-medium">
          Gift card number
        </label>
        <input
          id="gift-card-gan"
          value={gan}
          onChange={(e) => setGan(e.target.value)}
          inputMode="numeric"
          autoComplete="off"
          placeholder="7783 3200 0000 0000"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "gift-card-gan-error" : undefined}
          className="h-10 rounded-md border border-neutral-300 px-3"
        />
      </div>
      <Button type="submit" variant="secondary" disabled={busy}>
        {busy ? "Linking…" : "Link gift card"}
      </Button>
      {(problem || failed) && (
        <p id="gift-card-gan-error" role="alert" className="w-full text-sm text-red-700">
          {problem ?? failed}
        </p>
      )}
      {done && (
        <p role="status" className="w-full text-sm text-emerald-800">
          {done}
        </p>
      )}
    </form>
  );
}

export function UnlinkGiftCardButton({ customerId, giftCardId, label }: { customerId: string; giftCardId: string; label: string }) {
  const { busy, failed, run } = useCustomerAction();
  const [problem, setProblem] = useState<string | null>(null);
  async function unlink() {
    const result = await run(() => unlinkGiftCardAction({ customerId, giftCardId }));
    if (result && !result.ok) setProblem(result.message);
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" variant="secondary" onClick={unlink} disabled={busy} aria-label={`Unlink ${label}`}>
        {busy ? "Unlinking…" : "Unlink"}
      </Button>
      {(problem || failed) && (
        <p role="alert" className="text-xs text-red-700">
          {problem ?? failed}
        </p>
      )}
    </div>
  );
}
