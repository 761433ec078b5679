import "server-only";
import { ok, type ActionResult } from "@/lib/action-result";
import { requireScope } from "@/lib/auth/scopes";
import { getCustomerCard } from "@/lib/db/queries/customer-cards";
import { AppError } from "@/lib/errors";
import { disableCardOnFile } from "@/lib/square/card-writes";
import { DisableCardSchema, fieldErrorsOf } from "@/lib/validations/cards";
import type { CustomerOpsContext } from "./context";
import { failure, invalid } from "./failure";
import { requireCustomer } from "./guard";
import { auditWrite, mirrorSquareAnswer } from "./record";
import { sellerMessage } from "./seller-messages";

/** Disables one of the customer's cards on file (DisableCard): it can no longer be charged. */
export async function disableCard(ctx: CustomerOpsContext, input: unknown): Promise<ActionResult<{ cardId: string }>> {
  const parsed = DisableCardSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  try {
    const customer = await requireCustomer(ctx, parsed.data.customerId);
    const card = await getCustomerCard(ctx.db, { merchantId: ctx.seller.merchantId, customerId: customer.id, cardId: parsed.data.cardId });
    if (!card) throw new AppError("NOT_FOUND", "This customer has no such card on file.");
    // Square would answer with the card unchanged; say so instead of pretending to disable it.
    if (!card.enabled) return { ok: false, code: "INVALID_INPUT", message: sellerMessage("CARD_DISABLED", "disable-card")! };
    requireScope(ctx.seller, "PAYMENTS_WRITE");
    const fetchedAt = new Date();
    const disabled = await disableCardOnFile(await ctx.square(), card.id);
    await mirrorSquareAnswer(ctx, { fetchedAt, cards: [disabled] });
    await auditWrite(ctx, "card.disabled", [card.id, customer.id], { cardBrand: card.cardBrand, last4: card.last4 });
    return ok({ cardId: card.id });
  } catch (err) {
    return failure(err, "disable-card");
  }
}
