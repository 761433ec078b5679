import { ids } from "../ids";

/** `data.type` of an event: Square names order events' data after the event, not the object. */
export function dataTypeOf(eventType: string): string {
  if (eventType.startsWith("order.")) return eventType.replace(/\./g, "_");
  if (eventType.startsWith("gift_card.activity.")) return "gift_card_activity";
  return eventType.split(".")[0];
}

/** The sample notification TestWebhookSubscription sends: Square's envelope around a stub object. */
export function testEvent(eventType: string, merchantId: string, createdAt: string) {
  const dataType = dataTypeOf(eventType);
  const id = `test_${ids.uid()}`;
  return {
    merchant_id: merchantId,
    type: eventType,
    event_id: ids.eventId(),
    created_at: createdAt,
    data: { type: dataType, id, object: { [dataType]: { id } } },
  };
}
