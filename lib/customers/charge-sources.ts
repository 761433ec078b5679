import "server-only";
import type { Db } from "@/lib/db/client";
import { listCustomerCards } from "@/lib/db/queries/customer-cards";
import { listCustomerGiftCards } from "@/lib/db/queries/customer-gift-cards";
import { formatMoney, maskGan } from "@/lib/format";
import { brandLabel } from "@/lib/reports/labels";

export interface ChargeSourceOption {
  id: string;
  label: string;
}

/** What can be charged for this customer: enabled cards on file, and active gift cards on file with a balance. */
export async function listChargeSources(db: Db, params: { merchantId: string; customerId: string }): Promise<ChargeSourceOption[]> {
  const [cards, giftCards] = await Promise.all([listCustomerCards(db, params), listCustomerGiftCards(db, params)]);
  return [
    ...cards.filter((c) => c.enabled).map((c) => ({ id: c.id, label: `${brandLabel(c.cardBrand)} •••• ${c.last4 ?? "????"}` })),
    ...giftCards
      .filter((g) => g.state === "ACTIVE" && g.balance.amount > 0)
      .map((g) => ({ id: g.id, label: `Gift card ${maskGan(g.gan)} (${formatMoney(g.balance)} left)` })),
  ];
}
