import "server-only";
import { getCard } from "@/lib/square/cards";
import type { SquareClient } from "@/lib/square/client";
import { customerFromWire } from "@/lib/square/customers";
import { getGiftCard } from "@/lib/square/gift-cards";
import { getOrder } from "@/lib/square/orders";
import { getPayment } from "@/lib/square/payments";
import type { RawObject, WebhookEvent } from "@/lib/square/types";
import type { MirrorChanges } from "../apply";

type Changes = Omit<MirrorChanges, "fetchedAt">;

const obj = (v: unknown): RawObject => (v && typeof v === "object" ? (v as RawObject) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

/**
 * What an event means for the mirror. Customers carry a version, so the event's own copy is used
 * (an older one can never win); everything else is fetched fresh from Square, because order events
 * carry only a summary and gift cards and payments have no usable version: the event only says
 * "look again". Returns null for events the mirror does not follow.
 */
export async function changesForEvent(client: SquareClient, event: WebhookEvent): Promise<Changes | null> {
  const o = event.object;
  const [family] = event.type.split(".");
  switch (family) {
    case "customer": {
      const wire = obj(o.customer);
      const customer = wire.id ? customerFromWire(wire) : null;
      const merge = obj(obj(o.event_context).merge);
      const fromIds = Array.isArray(merge.from_customer_ids) ? merge.from_customer_ids.filter((id): id is string => typeof id === "string") : [];
      const toId = str(merge.to_customer_id);
      const deleted = event.type === "customer.deleted" ? [customer?.id ?? event.objectId].filter((id): id is string => !!id) : [];
      return {
        customers: customer ? [customer] : [],
        deletedCustomerIds: [...deleted, ...(toId ? fromIds : [])],
        merges: toId && fromIds.length ? [{ fromIds, toId }] : [],
      };
    }
    case "card": {
      const id = str(obj(o.card).id) ?? event.objectId;
      const card = id ? await getCard(client, id) : null;
      return { cards: card ? [card] : [] };
    }
    case "gift_card": {
      const id = str(obj(o.gift_card).id) ?? str(obj(o.gift_card_activity).gift_card_id) ?? (event.dataType === "gift_card" ? event.objectId : null);
      const giftCard = id ? await getGiftCard(client, id) : null;
      return { giftCards: giftCard ? [giftCard] : [] };
    }
    case "order": {
      const summary = obj(o.order_created ?? o.order_updated ?? o.order_fulfillment_updated);
      const id = str(summary.order_id) ?? event.objectId;
      const order = id ? await getOrder(client, id) : null;
      return { orders: order ? [order] : [] };
    }
    case "payment": {
      const id = str(obj(o.payment).id) ?? event.objectId;
      const payment = id ? await getPayment(client, id) : null;
      if (!payment) return { payments: [] };
      // A payment made without an order gets one from Square with no order.created event.
      const order = payment.orderId ? await getOrder(client, payment.orderId) : null;
      return { payments: [payment], orders: order ? [order] : [] };
    }
    default:
      return null;
  }
}
