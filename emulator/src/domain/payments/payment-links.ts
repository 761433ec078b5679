import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import type { Store, StoreObserver } from "../../store/store";
import { tables } from "../tables";

interface SellerLinks {
  /** order id → ids of the payments made against it, in creation order. */
  byOrder: Map<string, Set<string>>;
  /** APPROVED payments with a `delayed_until`, whose delay action may fall due. */
  delayed: Set<string>;
}

/**
 * What PayOrder and ListPayments need to know about a seller's payments without scanning all of
 * them: the payments of an order, and those waiting for a delay action. Built from the rows on
 * first use, then kept in step with every write.
 */
class PaymentLinks implements StoreObserver {
  private readonly sellers = new Map<string, SellerLinks>();

  constructor(private readonly store: Store) {
    store.observe(tables(store).payments.name, this);
  }

  of(merchantId: string): SellerLinks {
    let links = this.sellers.get(merchantId);
    if (!links) {
      links = { byOrder: new Map(), delayed: new Set() };
      for (const payment of tables(this.store).payments.values(merchantId)) add(links, payment);
      this.sellers.set(merchantId, links);
    }
    return links;
  }

  changed(seller: string, _key: string, value: unknown, previous: unknown) {
    const links = this.sellers.get(seller);
    if (!links) return;
    if (previous) remove(links, previous as Square.Payment, !value);
    if (value) add(links, value as Square.Payment);
  }

  reset() {
    this.sellers.clear();
  }
}

function add(links: SellerLinks, p: Square.Payment) {
  if (p.orderId) {
    const ids = links.byOrder.get(p.orderId) ?? new Set<string>();
    links.byOrder.set(p.orderId, ids.add(p.id!));
  }
  if (p.status === "APPROVED" && p.delayedUntil) links.delayed.add(p.id!);
}

function remove(links: SellerLinks, p: Square.Payment, deleted: boolean) {
  links.delayed.delete(p.id!);
  // A payment's order never changes, so only a deletion unlinks it.
  if (deleted && p.orderId) links.byOrder.get(p.orderId)?.delete(p.id!);
}

const perStore = new WeakMap<Store, PaymentLinks>();

function links(ctx: EmulatorContext, merchantId: string): SellerLinks {
  let index = perStore.get(ctx.store);
  if (!index) perStore.set(ctx.store, (index = new PaymentLinks(ctx.store)));
  return index.of(merchantId);
}

/** Ids of the payments made against an order, oldest first. */
export const paymentIdsOfOrder = (ctx: EmulatorContext, merchantId: string, orderId: string): string[] => [
  ...(links(ctx, merchantId).byOrder.get(orderId) ?? []),
];

/** Ids of APPROVED payments with a delay action pending (due or not). */
export const delayedPaymentIds = (ctx: EmulatorContext, merchantId: string): string[] => [...links(ctx, merchantId).delayed];
