import { Facts } from "@/components/history/facts";
import type { PaymentCard } from "@/lib/db/queries/payment-detail";
import { brandLabel, enumLabel } from "@/lib/reports/labels";

/** The card a payment was made with, as Square reported it (no number beyond the last 4 is ever kept). */
export function PaymentCardFacts({ card }: { card: PaymentCard }) {
  return (
    <Facts
      items={[
        ["Card", `${brandLabel(card.brand)}${card.last4 ? ` •••• ${card.last4}` : ""}`],
        ["Expires", card.expMonth && card.expYear ? `${String(card.expMonth).padStart(2, "0")}/${card.expYear}` : null],
        ["Card type", card.cardType ? enumLabel(card.cardType) : null],
        ["Entry", card.entryMethod ? enumLabel(card.entryMethod) : null],
        ["Card status", card.status ? enumLabel(card.status) : null],
        ["CVV check", card.cvvStatus ? enumLabel(card.cvvStatus.replace(/^CVV_/, "")) : null],
        ["Postal code check", card.avsStatus ? enumLabel(card.avsStatus.replace(/^AVS_/, "")) : null],
      ]}
    />
  );
}
