import type { Square } from "square";
import { errors, SquareApiError, type SquareErrorItem } from "../http/errors";
import { EVENT_TYPES } from "./event-types";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Square's rules for a subscription's writable fields. `partial` is an update: absent fields are
 * fine. Square requires HTTPS notification URLs; the local Square also allows plain http to
 * localhost / 127.0.0.1 / [::1], where a developer's app listens.
 */
export function checkSubscription(subscription: Square.WebhookSubscription, partial: boolean) {
  const problems: SquareErrorItem[] = [];
  const fail = (code: string, field: string, detail: string) =>
    problems.push({ category: "INVALID_REQUEST_ERROR", code, detail, field: `subscription.${field}` });

  if (subscription.name && subscription.name.length > 64) fail("VALUE_TOO_LONG", "name", "Field must not be longer than 64 characters.");

  const eventTypes = subscription.eventTypes;
  if (eventTypes == null) {
    if (!partial) fail("MISSING_REQUIRED_PARAMETER", "event_types", "Field must be set");
  } else if (eventTypes.length === 0) fail("ARRAY_LENGTH_TOO_SHORT", "event_types", "At least one event type is required.");
  else
    eventTypes.forEach((type, i) => {
      if (!(EVENT_TYPES as readonly string[]).includes(type))
        fail("INVALID_VALUE", `event_types[${i}]`, `\`${type}\` is not an event type of this API (see ListWebhookEventTypes).`);
    });

  const url = subscription.notificationUrl;
  if (url == null) {
    if (!partial) fail("MISSING_REQUIRED_PARAMETER", "notification_url", "Field must be set");
  } else if (!notificationUrlAllowed(url))
    fail("INVALID_VALUE", "notification_url", "The notification URL must be an https URL (http is allowed for localhost only).");

  if (subscription.apiVersion != null && !/^\d{4}-\d{2}-\d{2}$/.test(subscription.apiVersion))
    fail("INVALID_VALUE", "api_version", "The API version must look like YYYY-MM-DD.");

  if (problems.length) throw new SquareApiError(400, problems);
}

export function notificationUrlAllowed(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
}

export function requireEventType(subscription: Square.WebhookSubscription, eventType: string | null | undefined): string {
  const chosen = eventType ?? subscription.eventTypes?.[0];
  if (!chosen || !subscription.eventTypes?.includes(chosen))
    throw errors.badRequest("INVALID_VALUE", `The subscription does not include the event type \`${chosen ?? ""}\`.`, "event_type");
  return chosen;
}
