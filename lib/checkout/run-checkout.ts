import "server-only";
import { getActiveCheckoutLink, type PublicCheckoutLink } from "@/lib/db/queries/checkout-links";
import { startCheckoutAttempt, type CheckoutAttempt } from "@/lib/db/queries/checkout-attempts";
import { isAppError } from "@/lib/errors";
import { clientForSeller } from "@/lib/square/seller-client";
import type { CheckoutSubmission } from "@/lib/validations/checkout";
import { buyerIdentityKey, normaliseBuyer } from "./buyer";
import type { CheckoutDeps } from "./deps";
import { payAttempt } from "./pay-attempt";
import { priceCheckout } from "./pricing";
import { checkRateLimits } from "./rate-limit";
import { receiptFromAttempt } from "./receipt";
import type { CheckoutOutcome, RequestMeta } from "./types";

const NOT_FOUND: CheckoutOutcome = { ok: false, code: "NOT_FOUND", message: "This checkout link does not exist or is no longer active." };

/**
 * The checkout, shared by the payment page's server action and the JSON endpoint for apps: rate
 * limits, the stored link's price, the attempt record, then Square (customer, order, payment, card).
 * Expected failures come back as outcomes; a bug throws.
 */
export async function runCheckout(deps: CheckoutDeps, input: CheckoutSubmission, meta: RequestMeta): Promise<CheckoutOutcome> {
  const limited = await checkRateLimits(deps.db, deps.limits, { ip: meta.ip, linkId: input.linkId }, deps.now?.());
  if (!limited.ok)
    return { ok: false, code: "RATE_LIMITED", retryAfterSeconds: limited.retryAfterSeconds, message: "Too many payment attempts. Wait a minute and try again." };

  const link = await getActiveCheckoutLink(deps.db, { linkId: input.linkId });
  if (!link) return NOT_FOUND;
  const buyer = normaliseBuyer(input, link.sellerCountry);
  const price = priceCheckout(link, input.amount);
  if (!buyer.ok || !price.ok)
    return { ok: false, code: "INVALID_INPUT", message: "Check the highlighted fields.", fieldErrors: { ...(buyer.ok ? {} : buyer.fieldErrors), ...(price.ok ? {} : price.fieldErrors) } };

  const identityKey = buyerIdentityKey(buyer.buyer);
  const attempt = await startCheckoutAttempt(deps.db, {
    id: input.attemptId,
    merchantId: link.merchantId,
    linkId: link.id,
    amount: price.priced.amount,
    currency: link.currency,
    lineItems: price.priced.lineItems,
    identityKey,
    saveCardRequested: input.saveCard && link.offerSaveCard,
  });
  const mismatch = attemptMismatch(attempt, link, price.priced.amount, identityKey);
  if (mismatch) return { ok: false, code: "ATTEMPT_MISMATCH", message: mismatch };
  if (attempt.status === "completed") return { ok: true, receipt: receiptFromAttempt(attempt, link.businessName), replayed: true };

  try {
    const client = await clientForSeller(deps, link.merchantId);
    return await payAttempt({ deps, client, link, attempt, buyer: buyer.buyer, input, meta });
  } catch (err) {
    // The seller's Square access or Square itself is the problem, not the buyer: nothing was charged.
    if (isAppError(err, "SQUARE_AUTH") || isAppError(err, "UNAUTHENTICATED") || isAppError(err, "MISSING_SCOPE") || isAppError(err, "FORBIDDEN"))
      return { ok: false, code: "UNAVAILABLE", message: `${link.businessName} can't take payments here right now. Please contact them.` };
    if (isAppError(err, "SQUARE_UNAVAILABLE") || isAppError(err, "SQUARE_TIMEOUT") || isAppError(err, "RATE_LIMITED"))
      return { ok: false, code: "UNAVAILABLE", message: "The payment service is busy or unreachable. Try again in a moment; you will not be charged twice." };
    throw err;
  }
}

/** A retry must be the same purchase: same seller, link, amount and buyer. */
function attemptMismatch(attempt: CheckoutAttempt, link: PublicCheckoutLink, amount: number, identityKey: string): string | null {
  if (attempt.merchantId !== link.merchantId || attempt.linkId !== link.id) return "This checkout attempt belongs to another link. Reload the page to start again.";
  if (attempt.amount === amount && attempt.identityKey === identityKey) return null;
  // A completed attempt replays its receipt only for the same purchase: another amount or buyer is a new payment.
  if (attempt.status === "completed") return "This payment was already made with other details. Reload the page to start a new payment.";
  return "The amount or your contact details changed since this attempt started. Reload the page to start a new payment.";
}
