import "server-only";
import { ok, type ActionResult } from "@/lib/action-result";
import { requireScope } from "@/lib/auth/scopes";
import { customerIdGroup } from "@/lib/db/queries/customer-profile";
import { listCustomerGiftCards } from "@/lib/db/queries/customer-gift-cards";
import { AppError } from "@/lib/errors";
import { findGiftCardByGan, linkGiftCard as linkAtSquare, unlinkGiftCard as unlinkAtSquare } from "@/lib/square/gift-card-writes";
import { fieldErrorsOf, LinkGiftCardSchema, UnlinkGiftCardSchema } from "@/lib/validations/cards";
import type { CustomerOpsContext } from "./context";
import { failure, invalid } from "./failure";
import { requireCustomer } from "./guard";
import { auditWrite, mirrorSquareAnswer } from "./record";
import { sellerMessage } from "./seller-messages";

/** Puts a gift card on file for the customer, found by the number printed on it (GAN). */
export async function linkGiftCard(ctx: CustomerOpsContext, input: unknown): Promise<ActionResult<{ giftCardId: string }>> {
  const parsed = LinkGiftCardSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  try {
    const customer = await requireCustomer(ctx, parsed.data.customerId);
    requireScope(ctx.seller, "GIFTCARDS_READ", "GIFTCARDS_WRITE");
    const client = await ctx.square();
    const fetchedAt = new Date();
    const giftCard = await findGiftCardByGan(client, parsed.data.gan);
    if (!giftCard) return invalid({ gan: [sellerMessage("NOT_FOUND", "gift-card")!] }, sellerMessage("NOT_FOUND", "gift-card")!);
    const group = await customerIdGroup(ctx.db, { merchantId: ctx.seller.merchantId, customerId: customer.id });
    if (giftCard.customerIds.some((id) => group.includes(id))) {
      await mirrorSquareAnswer(ctx, { fetchedAt, giftCards: [giftCard] });
      return invalid({ gan: ["This gift card is already on file for this customer."] }, "This gift card is already on file for this customer.");
    }
    const linked = await linkAtSquare(client, giftCard.id, customer.id);
    await mirrorSquareAnswer(ctx, { fetchedAt, giftCards: [linked] });
    await auditWrite(ctx, "gift_card.linked", [linked.id, customer.id], { ganLast4: linked.gan?.slice(-4) ?? null });
    return ok({ giftCardId: linked.id });
  } catch (err) {
    return failure(err, "gift-card", () => "gan");
  }
}

/** Takes a gift card off the customer's file (the card itself keeps working). */
export async function unlinkGiftCard(ctx: CustomerOpsContext, input: unknown): Promise<ActionResult<{ giftCardId: string }>> {
  const parsed = UnlinkGiftCardSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  try {
    const customer = await requireCustomer(ctx, parsed.data.customerId);
    const linked = (await listCustomerGiftCards(ctx.db, { merchantId: ctx.seller.merchantId, customerId: customer.id })).find((g) => g.id === parsed.data.giftCardId);
    if (!linked) throw new AppError("NOT_FOUND", "This gift card is not on file for this customer.");
    requireScope(ctx.seller, "GIFTCARDS_WRITE");
    const fetchedAt = new Date();
    const client = await ctx.square();
    // Linked under an id merged away since: Square unlinks the ids it recorded, each of them.
    let giftCard = await unlinkAtSquare(client, linked.id, linked.linkedAs);
    const group = await customerIdGroup(ctx.db, { merchantId: ctx.seller.merchantId, customerId: customer.id });
    for (const id of giftCard.customerIds.filter((c) => group.includes(c))) giftCard = await unlinkAtSquare(client, linked.id, id);
    await mirrorSquareAnswer(ctx, { fetchedAt, giftCards: [giftCard] });
    await auditWrite(ctx, "gift_card.unlinked", [giftCard.id, customer.id], { ganLast4: giftCard.gan?.slice(-4) ?? null, unlinkedId: linked.linkedAs });
    return ok({ giftCardId: giftCard.id });
  } catch (err) {
    return failure(err, "gift-card");
  }
}
