import type { Square } from "square";
import { between, chance, pick } from "../../random";
import { assignCustomer } from "../assignment/assign-customer";
import { getGiftCard } from "../gift-cards/gift-cards";
import { buildOrder } from "../orders/build-order";
import { insertOrder } from "../orders/order-store";
import { payOrder } from "../orders/pay-order";
import { mintPaymentToken, type CardFacts } from "../payment-tokens";
import { createPayment } from "../payments/create-payment";
import { money } from "../payments/seller-checks";
import { tables } from "../tables";
import { cafeTicket, cashTendered, tipFor } from "./menu";
import type { OrderKind } from "./seed-plan";
import type { Profile, SeedRun } from "./seed-run";
import { walletCard } from "./wallet";

export const SOURCE_NAMES = { pos: "Square Point of Sale", online: "Square Online", paymentLink: "Square Payment Links" } as const;

type PaySource = { card: CardFacts } | { cardOnFile: string } | { giftCard: string } | "CASH";

/**
 * One sale of each kind, made the way Square would have recorded it: CreateOrder, then
 * CreatePayment (through a freshly tokenized card, a card or gift card on file, or cash), PayOrder
 * for split bills, and Square's late customer assignment run a little after the payment.
 */
export class Sales {
  private known = 0;
  private strangers = 0;

  constructor(private readonly run: SeedRun) {}

  sell(atMs: number, kind: OrderKind | "counter", pinned?: Profile) {
    const { profiles } = this.run;
    while (this.known < profiles.length && profiles[this.known].createdMs < atMs) this.known++;
    // Gift card sales need someone holding one; other kinds take whoever walks in.
    const holders = this.run.giftCardHolders;
    const who = pinned ?? (kind === "giftCard" && holders.length ? pick(this.run.random, holders) : this.someone());
    const made: OrderKind | "counter" = !who ? "anonymousCash" : this.attempt(atMs, kind, who) ? kind : "counter";
    if (!who) this.anonymousCash(atMs);
    else if (made === "counter" && kind !== "counter") this.counter(atMs, who); // that kind did not fit this customer
    this.run.kinds[made]++;
  }

  private attempt(atMs: number, kind: OrderKind | "counter", who: Profile): boolean {
    switch (kind) {
      case "counter":
        return this.counter(atMs, who), true;
      case "anonymousCash":
        return this.anonymousCash(atMs), true;
      case "online":
      case "paymentLink":
        return this.remote(atMs, who, SOURCE_NAMES[kind]);
      case "split":
        return this.split(atMs, who);
      case "lateAssigned":
        return this.lateAssigned(atMs, who);
      case "instantProfile":
        return this.stranger(atMs), true;
      case "giftCard":
        return this.giftCard(atMs, who);
      case "cardOnFile":
        return this.cardOnFile(atMs, who);
    }
  }

  /** Regulars (the earliest fifth of the customers so far) come back most. */
  private someone(): Profile | undefined {
    if (!this.known) return undefined;
    const regulars = Math.max(1, Math.floor(this.known * 0.2));
    return this.run.profiles[Math.floor(this.run.random() * (chance(this.run.random, 0.6) ? regulars : this.known))];
  }

  private counter(atMs: number, who: Profile) {
    const order = this.order(atMs, SOURCE_NAMES.pos, who.current);
    if (chance(this.run.random, 0.25)) this.pay(atMs, order, "CASH", { customerId: who.current });
    else this.pay(atMs, order, { card: pick(this.run.random, who.wallet) }, { customerId: who.current, tip: true });
  }

  private anonymousCash(atMs: number) {
    this.pay(atMs, this.order(atMs, SOURCE_NAMES.pos), "CASH", {});
  }

  /** Square Online and payment links: the order has no customer, the payment (and so its tender) has one. */
  private remote(atMs: number, who: Profile, source: string): boolean {
    if (!who.email) return false;
    const order = this.order(atMs, source);
    this.pay(atMs, order, { card: pick(this.run.random, who.wallet) }, { customerId: who.current, buyerEmail: who.email });
    return true;
  }

  /** Two customers split the bill: two delayed-capture payments settled together by PayOrder. */
  private split(atMs: number, who: Profile): boolean {
    const other = this.someone();
    if (!other || other.current === who.current) return false;
    const order = this.order(atMs, SOURCE_NAMES.pos);
    const due = order.netAmountDueMoney!.amount!;
    const half = due / 2n;
    const first = this.pay(atMs, order, { card: pick(this.run.random, who.wallet) }, { customerId: who.current, amount: half, autocomplete: false });
    const second = this.pay(atMs, order, { card: pick(this.run.random, other.wallet) }, { customerId: other.current, amount: due - half, autocomplete: false });
    this.run.at(atMs + 4 * 60_000);
    payOrder(this.run.sc.ctx, this.run.merchantId, order.id!, { paymentIds: [first.id!, second.id!] });
    return true;
  }

  /** An anonymous card sale: Square later finds the buyer by the card on file's fingerprint or the receipt email. */
  private lateAssigned(atMs: number, who: Profile): boolean {
    const order = () => this.order(atMs, SOURCE_NAMES.pos);
    if (who.onFile.length) this.pay(atMs, order(), { card: who.wallet[between(this.run.random, 0, who.onFile.length - 1)] }, {});
    else if (who.email) this.pay(atMs, order(), { card: pick(this.run.random, who.wallet) }, { buyerEmail: who.email });
    else return false;
    return true;
  }

  /** A card Square has never seen (sometimes with a receipt email): Square makes an instant profile. */
  private stranger(atMs: number) {
    const n = ++this.strangers;
    const card = walletCard(this.run.random, this.run.endMs, { cardholderName: "" });
    this.pay(atMs, this.order(atMs, SOURCE_NAMES.pos), { card }, chance(this.run.random, 0.5) ? { buyerEmail: `visitor.${n}@example.net` } : {});
  }

  private giftCard(atMs: number, who: Profile): boolean {
    const ctx = this.run.sc.ctx;
    const order = cafeTicketDue(this.run);
    const usable = who.giftCards.find(({ id, linkedMs }) => {
      const card = getGiftCard(ctx, this.run.merchantId, id);
      return linkedMs < atMs && card.state === "ACTIVE" && card.balanceMoney!.amount! >= order.estimate;
    });
    if (!usable) return false;
    this.pay(atMs, this.order(atMs, SOURCE_NAMES.pos, who.current, order.ticket), { giftCard: usable.id }, { customerId: who.current });
    return true;
  }

  private cardOnFile(atMs: number, who: Profile): boolean {
    const cards = tables(this.run.sc.ctx.store).cards;
    const usable = who.onFile.find(({ id }) => cards.get(this.run.merchantId, id)?.enabled);
    if (!usable) return false;
    this.pay(atMs, this.order(atMs, SOURCE_NAMES.pos, who.current), { cardOnFile: usable.id }, { customerId: who.current, tip: true });
    return true;
  }

  private order(atMs: number, source: string, customerId?: string, ticket = cafeTicket(this.run.random, this.run.currency)): Square.Order {
    const { sc, merchantId, locationId } = this.run;
    this.run.at(atMs);
    const input: Square.Order = { locationId, ...ticket, source: { name: source }, ...(customerId ? { customerId } : {}) };
    // No order.created: this history happened before any app subscribed.
    return insertOrder(sc.ctx, merchantId, buildOrder(sc.ctx, merchantId, input, { stored: true }), false);
  }

  private pay(
    atMs: number,
    order: Square.Order,
    source: PaySource,
    opts: { customerId?: string; buyerEmail?: string; amount?: bigint; autocomplete?: boolean; tip?: boolean },
  ): Square.Payment {
    const { sc, merchantId, locationId, currency, random } = this.run;
    const paidMs = atMs + between(random, 20, 180) * 1000;
    this.run.at(paidMs);
    const amount = opts.amount ?? order.netAmountDueMoney!.amount!;
    const token = typeof source === "object" && "card" in source ? mintPaymentToken(sc.ctx, { merchantId, locationId, method: "card", card: source.card, verified: false, requiresVerification: false }).token : undefined;
    const tip = opts.tip && source !== "CASH" ? tipFor(random, amount) : 0n;
    const request: Square.CreatePaymentRequest = {
      idempotencyKey: "seed",
      sourceId: token ?? (source === "CASH" ? "CASH" : "cardOnFile" in source ? source.cardOnFile : (source as { giftCard: string }).giftCard),
      amountMoney: money(amount, currency),
      orderId: order.id,
      locationId,
      ...(tip ? { tipMoney: money(tip, currency) } : {}),
      ...(opts.customerId ? { customerId: opts.customerId } : {}),
      ...(opts.buyerEmail ? { buyerEmailAddress: opts.buyerEmail } : {}),
      ...(opts.autocomplete === false ? { autocomplete: false } : {}),
      ...(source === "CASH" ? { cashDetails: { buyerSuppliedMoney: money(cashTendered(amount), currency) } } : {}),
    };
    const payment = createPayment(sc.ctx, sc.caller, request);
    if (token) tables(sc.ctx.store).paymentTokens.delete(merchantId, token);
    // Square's late assignment, a little after the sale (scheduleAssignment's timer never runs here).
    if (tables(sc.ctx.store).pendingAssignments.get(merchantId, payment.id!)) {
      this.run.at(paidMs + between(random, 2, 120) * 1000);
      assignCustomer(sc.ctx, merchantId, payment.id!);
    }
    return payment;
  }
}

/** A ticket and an estimate of its total that is never below it (modifiers, tax), to pick a gift card before the order exists. */
function cafeTicketDue(run: SeedRun) {
  const ticket = cafeTicket(run.random, run.currency);
  const estimate = (ticket.lineItems ?? []).reduce((sum, l) => sum + (l.basePriceMoney!.amount! + 200n) * BigInt(l.quantity), 0n) * 11n / 10n;
  return { ticket, estimate };
}
