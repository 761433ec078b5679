import type { CheckoutReceipt } from "@/lib/checkout/types";
import { formatAmount } from "./format-amount";

const BRANDS: Record<string, string> = {
  VISA: "Visa",
  MASTERCARD: "Mastercard",
  AMERICAN_EXPRESS: "American Express",
  DISCOVER: "Discover",
  DISCOVER_DINERS: "Diners Club",
  JCB: "JCB",
  CHINA_UNIONPAY: "UnionPay",
  SQUARE_GIFT_CARD: "Gift card",
};

/** The buyer's receipt: amount, items, the card used, Square's receipt number, and whether the card was saved. */
export function ReceiptView({ receipt }: { receipt: CheckoutReceipt }) {
  const currency = receipt.amount.currency;
  const card = `${BRANDS[receipt.cardBrand ?? ""] ?? receipt.cardBrand ?? "Card"}${receipt.cardLast4 ? ` •••• ${receipt.cardLast4}` : ""}`;
  return (
    <section aria-label="Receipt" className="flex flex-col gap-4 rounded-lg border border-neutral-200 bg-white p-4">
      <p className="text-3xl font-semibold tabular-nums">{formatAmount(receipt.amount.amount, currency)}</p>
      <ul className="divide-y divide-neutral-100">
        {receipt.lines.map((line, i) => (
          <li key={i} className="flex justify-between gap-4 py-2 text-sm">
            <span>
              {line.name}
              {line.quantity > 1 && <span className="text-neutral-500"> × {line.quantity}</span>}
            </span>
            <span className="tabular-nums">{formatAmount(line.totalAmount, currency)}</span>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-neutral-600">Paid with</dt>
        <dd>{card}</dd>
        <dt className="text-neutral-600">Receipt number</dt>
        <dd className="font-mono">{receipt.receiptNumber ?? "—"}</dd>
        <dt className="text-neutral-600">Paid on</dt>
        <dd>{new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(receipt.paidAt))} UTC</dd>
      </dl>
      <p className="rounded-md bg-neutral-50 p-3 text-sm">
        {receipt.cardSaved
          ? `Your card is saved with ${receipt.businessName} for future purchases.`
          : (receipt.cardSaveError ?? `Your card was not saved with ${receipt.businessName}.`)}
      </p>
      {receipt.receiptUrl && (
        <a href={receipt.receiptUrl} className="text-sm underline" rel="noreferrer">
          View Square&apos;s receipt
        </a>
      )}
    </section>
  );
}
