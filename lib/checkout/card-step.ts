import "server-only";
import { claimSavedCard, type CheckoutAttempt } from "@/lib/db/queries/checkout-attempts";
import { recordCardConsent } from "@/lib/db/queries/card-consents";
import { isAppError } from "@/lib/errors";
import { saveCardFromPayment } from "@/lib/square/checkout-cards";
import type { Card, Payment } from "@/lib/square/types";
import { CONSENT_WORDING_VERSION } from "./consent";
import { cardKey } from "./keys";
import type { PayAttemptParams } from "./pay-attempt";

export interface CardStepResult {
  card: Card | null;
  /** Why the card could not be saved; the payment stands either way. */
  error: string | null;
}

/**
 * Only when the buyer ticked the consent box: CreateCard from the payment just made, then the
 * consent record (wording version, time, page, browser, address). The consent row is written once
 * per attempt, by whichever submission claims the card first.
 */
export async function saveCardStep(p: PayAttemptParams, attempt: CheckoutAttempt, payment: Payment, customerId: string): Promise<CardStepResult> {
  const { deps, client, buyer, input, meta, link } = p;
  try {
    const card = await saveCardFromPayment(client, {
      idempotencyKey: cardKey(payment.id),
      paymentId: payment.id,
      customerId,
      verificationToken: input.verificationToken,
      cardholderName: [buyer.givenName, buyer.familyName].filter(Boolean).join(" ") || null,
    });
    if (await claimSavedCard(deps.db, { id: attempt.id, cardId: card.id }))
      await recordCardConsent(deps.db, {
        merchantId: link.merchantId,
        customerId,
        cardId: card.id,
        wordingVersion: CONSENT_WORDING_VERSION,
        page: meta.page,
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
        ip: meta.ip,
      });
    return { card, error: null };
  } catch (err) {
    if (!isAppError(err) || !["INVALID_INPUT", "NOT_FOUND", "FORBIDDEN", "MISSING_SCOPE"].includes(err.code)) throw err;
    return { card: null, error: "Your payment went through, but this card could not be saved for next time." };
  }
}
