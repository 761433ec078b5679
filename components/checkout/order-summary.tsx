import type { CheckoutLinkLineItem } from "@/lib/db/schema/checkout-links";
import { formatAmount } from "./format-amount";

/** What the buyer is paying for: the link's items and total (fixed-price links). */
export function OrderSummary({ items, currency }: { items: CheckoutLinkLineItem[]; currency: string }) {
  const total = items.reduce((sum, i) => sum + i.quantity * i.unitAmount, 0);
  return (
    <section aria-label="Order summary" className="rounded-lg border border-neutral-200 bg-white p-4">
      <ul className="divide-y divide-neutral-100">
        {items.map((item, i) => (
          <li key={i} className="flex justify-between gap-4 py-2 text-sm">
            <span>
              {item.name}
              {item.quantity > 1 && <span className="text-neutral-500"> × {item.quantity}</span>}
            </span>
            <span className="tabular-nums">{formatAmount(item.quantity * item.unitAmount, currency)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 flex justify-between border-t border-neutral-200 pt-3 font-semibold">
        <span>Total</span>
        <span className="tabular-nums">{formatAmount(total, currency)}</span>
      </p>
    </section>
  );
}
