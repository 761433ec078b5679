import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { checkLength, checkMoney, requireLocation, sellerCurrency } from "../payments/seller-checks";
import { tables } from "../tables";
import { getGiftCard } from "./gift-cards";
import { recordActivity, type BalanceChange } from "./ledger";
import { giftCardForGan } from "./sandbox-gift-card";

type Details = keyof Square.GiftCardActivity & `${string}ActivityDetails`;
type Funding = Square.GiftCardActivityActivate | Square.GiftCardActivityLoad;
type Money = { amountMoney?: Square.Money };

/** What each type an application may create needs, which states it accepts, and what it does to the card. */
const RULES: Partial<Record<Square.GiftCardActivityType, { details: Details; from: Square.GiftCardStatus[] }>> = {
  ACTIVATE: { details: "activateActivityDetails", from: ["PENDING"] },
  LOAD: { details: "loadActivityDetails", from: ["ACTIVE"] },
  REDEEM: { details: "redeemActivityDetails", from: ["ACTIVE"] },
  CLEAR_BALANCE: { details: "clearBalanceActivityDetails", from: ["ACTIVE", "BLOCKED"] },
  DEACTIVATE: { details: "deactivateActivityDetails", from: ["PENDING", "ACTIVE", "BLOCKED"] },
  ADJUST_INCREMENT: { details: "adjustIncrementActivityDetails", from: ["ACTIVE"] },
  ADJUST_DECREMENT: { details: "adjustDecrementActivityDetails", from: ["ACTIVE"] },
  REFUND: { details: "refundActivityDetails", from: ["ACTIVE"] },
  UNLINKED_ACTIVITY_REFUND: { details: "unlinkedActivityRefundActivityDetails", from: ["ACTIVE"] },
};

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const F = (rest: string) => `gift_card_activity.${rest}`;

/** CreateGiftCardActivity: validates the activity against the card and applies it. */
export function createGiftCardActivity(ctx: EmulatorContext, merchantId: string, input: Square.GiftCardActivity): Square.GiftCardActivity {
  const rule = RULES[input.type];
  if (!rule) throw errors.badRequest("INVALID_VALUE", `Activities of type ${input.type} are created by Square only.`, F("type"));
  requireLocation(ctx, merchantId, input.locationId, F("location_id"));
  for (const key of Object.keys(input) as (keyof Square.GiftCardActivity)[])
    if (key.endsWith("ActivityDetails") && key !== rule.details && input[key] !== undefined)
      throw errors.badRequest("CONFLICTING_PARAMETERS", `\`${snake(key)}\` does not belong to a ${input.type} activity.`, F(snake(key)));
  const details = input[rule.details] as (Money & Record<string, unknown>) | undefined;
  if (!details) throw errors.missing(F(snake(rule.details)));

  const card = cardFor(ctx, merchantId, input);
  if (!rule.from.includes(card.state!))
    throw errors.badRequest("BAD_REQUEST", `A ${input.type} activity needs a ${rule.from.join(" or ")} gift card; this one is ${card.state}.`, F("type"));
  const currency = sellerCurrency(ctx, merchantId);
  const detailsField = F(snake(rule.details));
  checkMoney(details.amountMoney, `${detailsField}.amount_money`, currency, { positive: true });
  checkLength(details.referenceId as string | undefined, `${detailsField}.reference_id`, 255);

  const balance = card.balanceMoney!.amount!;
  const amount = () => details.amountMoney?.amount ?? 0n;
  const spend = (): BalanceChange => {
    if (amount() > balance) throw errors.badRequest("INSUFFICIENT_FUNDS", "The gift card balance is too low for this amount.", `${detailsField}.amount_money.amount`);
    return { balance: balance - amount() };
  };
  let stored: Record<string, unknown> = { ...details };
  let change: BalanceChange;
  switch (input.type) {
    case "ACTIVATE":
    case "LOAD": {
      const funded = fundedAmount(ctx, merchantId, details as Funding, detailsField, currency);
      stored = { ...details, amountMoney: funded };
      change = { balance: balance + funded.amount!, state: "ACTIVE" };
      break;
    }
    case "REDEEM":
      checkMoney(details.amountMoney, `${detailsField}.amount_money`, currency, { positive: true, required: true });
      // Redemptions made through this endpoint complete at once; payment_id is Square's to set.
      stored = { amountMoney: details.amountMoney, referenceId: details.referenceId, status: "COMPLETED" };
      change = spend();
      break;
    case "ADJUST_DECREMENT":
      change = spend();
      break;
    case "CLEAR_BALANCE":
      change = { balance: 0n };
      break;
    case "DEACTIVATE":
      change = { balance, state: "DEACTIVATED" };
      break;
    case "REFUND":
      checkMoney(details.amountMoney, `${detailsField}.amount_money`, currency, { positive: true, required: true });
      checkRefund(ctx, merchantId, card, details as Square.GiftCardActivityRefund, detailsField);
      stored = { amountMoney: details.amountMoney, redeemActivityId: details.redeemActivityId, referenceId: details.referenceId };
      change = { balance: balance + amount() };
      break;
    default: // ADJUST_INCREMENT, UNLINKED_ACTIVITY_REFUND
      change = { balance: balance + amount() };
  }
  return recordActivity(ctx, merchantId, card, { type: input.type, locationId: input.locationId, [rule.details]: stored }, change).activity;
}

function cardFor(ctx: EmulatorContext, merchantId: string, input: Square.GiftCardActivity): Square.GiftCard {
  if (!input.giftCardId && !input.giftCardGan) throw errors.missing(F("gift_card_id"));
  const byId = input.giftCardId ? getGiftCard(ctx, merchantId, input.giftCardId) : undefined;
  if (!input.giftCardGan) return byId!;
  const byGan = giftCardForGan(ctx, merchantId, input.giftCardGan);
  if (!byGan) throw errors.notFound(`Gift card with GAN \`${input.giftCardGan}\` not found.`, F("gift_card_gan"));
  if (byId && byId.id !== byGan.id)
    throw errors.badRequest("CONFLICTING_PARAMETERS", "`gift_card_id` and `gift_card_gan` name different gift cards.", F("gift_card_gan"));
  return byGan;
}

/**
 * ACTIVATE and LOAD are paid for either through an order's GIFT_CARD line item (Square knows the
 * amount) or, with custom processing, by an amount plus the buyer's payment instrument ids.
 */
function fundedAmount(ctx: EmulatorContext, merchantId: string, details: Funding, field: string, currency: string): Square.Money {
  if (details.orderId) {
    if (details.amountMoney) throw errors.badRequest("CONFLICTING_PARAMETERS", "Give either `order_id` or `amount_money`, not both.", `${field}.amount_money`);
    if (!details.lineItemUid) throw errors.missing(`${field}.line_item_uid`);
    const order = tables(ctx.store).orders.get(merchantId, details.orderId);
    if (!order) throw errors.notFound(`Order \`${details.orderId}\` not found.`, `${field}.order_id`);
    const line = order.lineItems?.find((l) => l.uid === details.lineItemUid);
    if (!line || line.itemType !== "GIFT_CARD")
      throw errors.badRequest("INVALID_VALUE", "The order has no GIFT_CARD line item with this uid.", `${field}.line_item_uid`);
    if (order.state !== "COMPLETED") throw errors.badRequest("BAD_REQUEST", "The order must be paid before its gift card is funded.", `${field}.order_id`);
    const used = [...tables(ctx.store).giftCardActivities.values(merchantId)].some((a) => {
      const d = a.activateActivityDetails ?? a.loadActivityDetails;
      return d?.orderId === details.orderId && d?.lineItemUid === details.lineItemUid;
    });
    if (used) throw errors.badRequest("BAD_REQUEST", "This line item has already funded a gift card.", `${field}.line_item_uid`);
    return line.totalMoney!;
  }
  checkMoney(details.amountMoney, `${field}.amount_money`, currency, { positive: true, required: true });
  const instruments = details.buyerPaymentInstrumentIds ?? [];
  if (!instruments.length) throw errors.missing(`${field}.buyer_payment_instrument_ids`);
  instruments.forEach((id, i) => checkLength(id, `${field}.buyer_payment_instrument_ids[${i}]`, 255, 1));
  return details.amountMoney!;
}

/** A refund against a redemption may not give back more than that redemption took. */
function checkRefund(ctx: EmulatorContext, merchantId: string, card: Square.GiftCard, details: Square.GiftCardActivityRefund, field: string) {
  if (!details.redeemActivityId) return;
  const activities = [...tables(ctx.store).giftCardActivities.values(merchantId)];
  const redeem = activities.find((a) => a.id === details.redeemActivityId && a.type === "REDEEM" && a.giftCardId === card.id);
  if (!redeem) throw errors.notFound(`Redeem activity \`${details.redeemActivityId}\` not found on this gift card.`, `${field}.redeem_activity_id`);
  const refunded = activities
    .filter((a) => a.refundActivityDetails?.redeemActivityId === redeem.id)
    .reduce((sum, a) => sum + (a.refundActivityDetails?.amountMoney?.amount ?? 0n), 0n);
  if (refunded + details.amountMoney!.amount! > redeem.redeemActivityDetails!.amountMoney.amount!)
    throw errors.badRequest("REFUND_AMOUNT_INVALID", "The refund is larger than what is left of the redemption.", `${field}.amount_money.amount`);
}
