import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { remembered } from "../../http/result-cache";
import { tables } from "../tables";

export interface GiftCardFilter {
  type?: Square.GiftCardType;
  state?: Square.GiftCardStatus;
  customerId?: string;
}

/** ListGiftCards: oldest first, as Square sorts by `created_at`. */
export function listGiftCards(ctx: EmulatorContext, merchantId: string, filter: GiftCardFilter): Square.GiftCard[] {
  const table = tables(ctx.store).giftCards;
  // Remembered until the seller's gift cards change, so paging through costs only the page.
  return remembered(ctx.store, `ListGiftCards\u0000${merchantId}\u0000${JSON.stringify(filter)}`, String(table.stamp(merchantId)), () =>
    [...table.values(merchantId)].filter(
      (card) =>
        (!filter.type || card.type === filter.type) &&
        (!filter.state || card.state === filter.state) &&
        (!filter.customerId || (card.customerIds ?? []).includes(filter.customerId)),
    ),
  );
}

export interface ActivityFilter {
  giftCardId?: string;
  type?: Square.GiftCardActivityType;
  locationId?: string;
  beginMs: number;
  endMs: number;
  sortOrder: "ASC" | "DESC";
}

/** ListGiftCardActivities: inclusive time range on `created_at`, newest first unless ASC. */
export function listGiftCardActivities(ctx: EmulatorContext, merchantId: string, filter: ActivityFilter): Square.GiftCardActivity[] {
  const matches = [...tables(ctx.store).giftCardActivities.values(merchantId)].filter((a) => {
    const at = Date.parse(a.createdAt!);
    return (
      (!filter.giftCardId || a.giftCardId === filter.giftCardId) &&
      (!filter.type || a.type === filter.type) &&
      (!filter.locationId || a.locationId === filter.locationId) &&
      at >= filter.beginMs &&
      at <= filter.endMs
    );
  });
  // Rows are kept in creation order, so reversing gives newest first with ties kept stable.
  return filter.sortOrder === "DESC" ? matches.reverse() : matches;
}
