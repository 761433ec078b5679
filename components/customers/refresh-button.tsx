"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { refreshCustomerAction } from "@/lib/actions/sync";

/** "Refresh from Square": re-reads this customer live (profile, cards, gift cards, recent sales) into the mirror. */
export function RefreshButton({ customerId }: { customerId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  async function refresh() {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await refreshCustomerAction(customerId);
      if (!result.ok) return setMessage({ text: result.message, ok: false });
      if (!result.data.customerId) return router.push("/customers");
      if (result.data.customerId !== customerId) return router.replace(`/customers/${result.data.customerId}`);
      const { cards, giftCards, orders } = result.data;
      setMessage({ text: `Up to date with Square: ${cards} ${cards === 1 ? "card" : "cards"}, ${giftCards} gift ${giftCards === 1 ? "card" : "cards"}, ${orders} recent orders.`, ok: true });
      router.refresh();
    } catch {
      setMessage({ text: "Square could not be reached. Try again shortly.", ok: false });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" onClick={refresh} disabled={busy}>
        {busy ? "Refreshing…" : "Refresh from Square"}
      </Button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-xs ${message.ok ? "text-neutral-600" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
