import type { Square } from "square";
import { between, chance, pick } from "../../random";
import { createGiftCardActivity } from "../gift-cards/activities";
import { createGiftCard, getGiftCard, setCustomerLink } from "../gift-cards/gift-cards";
import { money } from "../payments/seller-checks";
import { DAY_MS, type Profile, type SeedRun, type TimedAction } from "./seed-run";

/**
 * Gift cards sold over the history (more in December), each activated through the Gift Card
 * Activities API. Most are linked to the buyer's profile (then spent through payments, see the
 * giftCard sales); the others stay unlinked, some reloaded, some redeemed at another register.
 */
export function giftCardActions(run: SeedRun, saleTimes: number[]): TimedAction[] {
  const { plan, random } = run;
  const actions: TimedAction[] = [];
  const december = saleTimes.filter((t) => new Date(t).getUTCMonth() === 11);
  for (let g = 0; g < plan.giftCards && saleTimes.length; g++) {
    const soldMs = december.length && chance(random, 0.3) ? pick(random, december) : pick(random, saleTimes);
    const owners = run.profiles.filter((p) => p.createdMs < soldMs);
    const owner = owners.length && chance(random, plan.linkedGiftCardShare) ? pick(random, owners) : undefined;
    const type: Square.GiftCardType = chance(random, 0.7) ? "DIGITAL" : "PHYSICAL";
    const activate = BigInt(pick(random, [2500, 5000, 5000, 10000]));
    let id = "";
    actions.push({
      atMs: soldMs,
      run: () => {
        id = createGiftCard(run.sc.ctx, run.merchantId, { type }).id!;
        activity(run, id, { type: "ACTIVATE", activateActivityDetails: { amountMoney: money(activate, run.currency), buyerPaymentInstrumentIds: ["card-present"] } });
        if (owner) linkTo(run, owner, id, soldMs);
      },
    });
    const reloadMs = soldMs + between(random, 10, 150) * DAY_MS;
    if (chance(random, 0.3) && reloadMs < run.endMs)
      actions.push({
        atMs: reloadMs,
        run: () => activity(run, id, { type: "LOAD", loadActivityDetails: { amountMoney: money(BigInt(pick(random, [1000, 2500, 5000])), run.currency), buyerPaymentInstrumentIds: ["card-present"] } }),
      });
    const redeemMs = soldMs + between(random, 3, 90) * DAY_MS;
    if (!owner && chance(random, 0.6) && redeemMs < run.endMs)
      actions.push({
        atMs: redeemMs,
        run: () => {
          const balance = getGiftCard(run.sc.ctx, run.merchantId, id).balanceMoney!.amount!;
          const amount = balance < 1500n ? balance : BigInt(between(random, 400, 1500));
          if (amount > 0n) activity(run, id, { type: "REDEEM", redeemActivityDetails: { amountMoney: money(amount, run.currency), referenceId: "register-2" } });
        },
      });
  }
  return actions;
}

function linkTo(run: SeedRun, owner: Profile, giftCardId: string, atMs: number) {
  setCustomerLink(run.sc.ctx, run.merchantId, giftCardId, owner.current, true);
  owner.giftCards.push({ id: giftCardId, linkedMs: atMs });
  if (owner.giftCards.length === 1) run.giftCardHolders.push(owner);
}

function activity(run: SeedRun, giftCardId: string, details: Omit<Square.GiftCardActivity, "locationId" | "giftCardId">) {
  createGiftCardActivity(run.sc.ctx, run.merchantId, { ...details, locationId: run.locationId, giftCardId });
}
