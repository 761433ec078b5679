import "server-only";
import { ok, type ActionResult } from "@/lib/action-result";
import { requireScope } from "@/lib/auth/scopes";
import { declineReason } from "@/lib/checkout/declines";
import { cardKey } from "@/lib/checkout/keys";
import { getCardConsent, recordCardConsent } from "@/lib/db/queries/card-consents";
import { listSavableCardPayments } from "@/lib/db/queries/customer-card-payments";
import { AppError, isAppError } from "@/lib/errors";
import { customerDisplayName } from "@/lib/format";
import { createCardOnFile, type CreateCardParams } from "@/lib/square/card-writes";
import { listCards } from "@/lib/square/cards";
import { fieldErrorsOf, SaveCardFromPaymentSchema, SaveCardSchema } from "@/lib/validations/cards";
import { SELLER_CONSENT_WORDING_VERSION } from "./consent";
import type { CustomerOpsContext } from "./context";
import { failure, invalid } from "./failure";
import { requireCustomer } from "./guard";
import { auditWrite, mirrorSquareAnswer } from "./record";
import { declineSentence, type Situation } from "./seller-messages";

export interface SavedCard {
  cardId: string;
  cardBrand: string | null;
  last4: string | null;
}

/**
 * Saves the card typed into the Web Payments SDK form (tokenized with intent STORE) on file for the
 * customer — only with the customer's consent ticked, which is recorded with the card.
 */
export async function saveCard(ctx: CustomerOpsContext, input: unknown): Promise<ActionResult<SavedCard>> {
  const parsed = SaveCardSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { customerId, sourceId, postalCode, cardholderName, attemptId } = parsed.data;
  const referenceId = attemptId ? `patron-save-${attemptId}` : null;
  return store(ctx, customerId, "save-card", { sourceId, postalCode: postalCode || null, cardholderName: cardholderName || null, referenceId }, "card_form");
}

/** Saves the card used in one of the customer's earlier card payments (CreateCard with the payment id), with consent. */
export async function saveCardFromPayment(ctx: CustomerOpsContext, input: unknown): Promise<ActionResult<SavedCard>> {
  const parsed = SaveCardFromPaymentSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return store(ctx, parsed.data.customerId, "save-card-from-payment", { sourceId: parsed.data.paymentId }, "payment");
}

type Source = Pick<CreateCardParams, "sourceId" | "postalCode" | "cardholderName" | "referenceId">;

async function store(ctx: CustomerOpsContext, customerId: string, situation: Situation, source: Source, from: "card_form" | "payment"): Promise<ActionResult<SavedCard>> {
  try {
    const customer = await requireCustomer(ctx, customerId);
    requireScope(ctx.seller, "PAYMENTS_WRITE");
    if (from === "payment") {
      const savable = await listSavableCardPayments(ctx.db, { merchantId: ctx.seller.merchantId, customerId: customer.id, limit: 50 });
      if (!savable.some((p) => p.id === source.sourceId)) throw new AppError("NOT_FOUND", "That payment is not one of this customer's card payments whose card can be saved.");
    }
    const fetchedAt = new Date();
    const client = await ctx.square();
    // A retry of the form's save tokenizes the card again, so its idempotency key is new: when an
    // earlier try's answer was lost, the card it made is found by the attempt's reference instead.
    const earlier = source.referenceId ? (await listCards(client, { customerId: customer.id, referenceId: source.referenceId })).items.find((c) => c.enabled) : undefined;
    const card =
      earlier ??
      (await createCardOnFile(client, {
        ...source,
        // One card per token or payment: a double submit gets the same card back.
        idempotencyKey: cardKey(source.sourceId),
        customerId: customer.id,
        cardholderName: source.cardholderName ?? (customerDisplayName(customer) || null),
      }));
    // Written once per card, even when a double submit replays CreateCard.
    if (!(await getCardConsent(ctx.db, { merchantId: ctx.seller.merchantId, cardId: card.id })))
      await recordCardConsent(ctx.db, {
        merchantId: ctx.seller.merchantId,
        customerId: customer.id,
        cardId: card.id,
        wordingVersion: SELLER_CONSENT_WORDING_VERSION,
        page: ctx.meta.page,
        userAgent: ctx.meta.userAgent,
        ip: ctx.meta.ip,
      });
    await mirrorSquareAnswer(ctx, { fetchedAt, cards: [card] });
    await auditWrite(ctx, "card.saved", [card.id, customer.id], { from, ...(from === "payment" ? { paymentId: source.sourceId } : {}), wordingVersion: SELLER_CONSENT_WORDING_VERSION });
    return ok({ cardId: card.id, cardBrand: card.cardBrand, last4: card.last4 });
  } catch (err) {
    // The card itself was refused (declined, CVV, postal code, expiry…): say why, as for a charge.
    const code = isAppError(err) ? err.squareCode : undefined;
    if (code && (code === "GENERIC_DECLINE" || (situation === "save-card" && declineReason([code]) !== "declined")))
      return { ok: false, code: "INVALID_INPUT", message: declineSentence([code], "CARD") };
    return failure(err, situation);
  }
}
