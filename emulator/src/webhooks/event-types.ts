/** Every event type the emulator raises (ListWebhookEventTypes answers with these). */
export const EVENT_TYPES = [
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "card.created",
  "card.disabled",
  "card.automatically_updated",
  "gift_card.created",
  "gift_card.updated",
  "gift_card.customer_linked",
  "gift_card.customer_unlinked",
  "gift_card.activity.created",
  "gift_card.activity.updated",
  "payment.created",
  "payment.updated",
  "order.created",
  "order.updated",
] as const;

export const API_VERSION = "2026-09-16";
