import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { remembered } from "../../http/result-cache";
import { tables } from "../tables";
import { delayedPaymentIds } from "./payment-links";
import { applyDelayAction } from "./payment-lifecycle";
import { getPayment } from "./payment-store";

export interface PaymentFilter {
  locationId: string;
  beginMs: number;
  endMs: number;
  updatedBeginMs?: number;
  updatedEndMs?: number;
  total?: bigint;
  last4?: string;
  cardBrand?: string;
  sortField: "CREATED_AT" | "UPDATED_AT" | "OFFLINE_CREATED_AT";
  sortOrder: "ASC" | "DESC";
}

/**
 * ListPayments: one location, an inclusive `created_at` range, optional `updated_at` range and exact
 * filters. Delay actions that fell due are applied first (Square would have run them already); the
 * result is then remembered until the seller's payments change, so paging through it is cheap.
 */
export function listPayments(ctx: EmulatorContext, merchantId: string, f: PaymentFilter): Square.Payment[] {
  for (const id of delayedPaymentIds(ctx, merchantId)) applyDelayAction(ctx, merchantId, getPayment(ctx, merchantId, id));
  const table = tables(ctx.store).payments;
  const key = `ListPayments\u0000${merchantId}\u0000${JSON.stringify({ ...f, total: f.total?.toString() })}`;
  return remembered(ctx.store, key, String(table.stamp(merchantId)), () => matching(table.values(merchantId), f));
}

function matching(rows: Iterable<Square.Payment>, f: PaymentFilter): Square.Payment[] {
  const within = (iso: string | undefined, begin?: number, end?: number) => {
    const at = Date.parse(iso ?? "");
    return (begin === undefined || at >= begin) && (end === undefined || at <= end);
  };
  const matches = [...rows].filter(
    (p) =>
      p.locationId === f.locationId &&
      within(p.createdAt, f.beginMs, f.endMs) &&
      within(p.updatedAt, f.updatedBeginMs, f.updatedEndMs) &&
      (f.total === undefined || p.totalMoney?.amount === f.total) &&
      (!f.last4 || p.cardDetails?.card?.last4 === f.last4) &&
      (!f.cardBrand || p.cardDetails?.card?.cardBrand === f.cardBrand),
  );
  const key = (p: Square.Payment) => Date.parse((f.sortField === "UPDATED_AT" ? p.updatedAt : p.createdAt) ?? "");
  // Stable sort over creation order, so equal timestamps keep a fixed order across pages.
  const indexed = matches.map((p, i) => ({ p, i, k: key(p) }));
  indexed.sort((a, b) => (a.k - b.k || a.i - b.i) * (f.sortOrder === "ASC" ? 1 : -1));
  return indexed.map(({ p }) => p);
}
