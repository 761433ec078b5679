import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { mainLocationId, money, sellerCurrency } from "../payments/seller-checks";
import { createGiftCard, findGiftCardByGan } from "./gift-cards";
import { recordActivity } from "./ledger";

/** Square's sandbox gift card number, behind the `cnon:gift-card-nonce-*` values and the stand-in's gift card form. */
export const SANDBOX_GIFT_CARD_GAN = "7783320000000000";
/** What the sandbox card holds when it first appears: 500.00 in the seller's currency. */
export const SANDBOX_GIFT_CARD_BALANCE = 50_000n;

/**
 * The seller's gift card with this GAN. The sandbox GAN always resolves: the first time anything
 * names it (by GAN, token or payment) it is registered for that seller as a real, ACTIVE card
 * loaded through an ACTIVATE activity, so it then spends down like any other card.
 */
export function giftCardForGan(ctx: EmulatorContext, merchantId: string, gan: string): Square.GiftCard | undefined {
  const existing = findGiftCardByGan(ctx, merchantId, gan);
  if (existing || gan !== SANDBOX_GIFT_CARD_GAN) return existing;
  const card = createGiftCard(ctx, merchantId, { type: "PHYSICAL", ganSource: "SQUARE", gan });
  const amount = money(SANDBOX_GIFT_CARD_BALANCE, sellerCurrency(ctx, merchantId));
  return recordActivity(
    ctx,
    merchantId,
    card,
    {
      type: "ACTIVATE",
      locationId: mainLocationId(ctx, merchantId),
      activateActivityDetails: { amountMoney: amount, buyerPaymentInstrumentIds: ["sandbox-gift-card"] },
    },
    { balance: SANDBOX_GIFT_CARD_BALANCE, state: "ACTIVE" },
  ).card;
}
