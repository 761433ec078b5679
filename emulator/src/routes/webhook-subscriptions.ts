import { Hono, type Context } from "hono";
import type { Square } from "square";
import type { HonoEnv } from "../context";
import { tables } from "../domain/tables";
import { errors } from "../http/errors";
import { idempotent } from "../http/idempotency";
import { page } from "../http/pagination";
import { body } from "../http/validate";
import { schemas, toWire } from "../http/wire";
import { ids } from "../ids";
import { GLOBAL } from "../store/store";
import { API_VERSION, EVENT_TYPES } from "../webhooks/event-types";
import { checkSubscription, requireEventType } from "../webhooks/subscription-rules";
import { testEvent } from "../webhooks/test-event";
import type { WebhookBus } from "../webhooks/bus";

/**
 * Webhook Subscriptions (mounted at /v2/webhooks). Subscriptions belong to the application, not to
 * a seller: they live in the GLOBAL partition, any valid token of the local application manages
 * them, and each receives the events of every seller that authorized the application.
 */
export function webhookSubscriptionRoutes(bus: WebhookBus) {
  return new Hono<HonoEnv>()
    .get("/event-types", (c) => {
      const version = c.req.query("api_version");
      if (version !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(version))
        throw errors.badRequest("INVALID_VALUE", "The API version must look like YYYY-MM-DD.", "api_version");
      const response: Square.ListWebhookEventTypesResponse = {
        eventTypes: [...EVENT_TYPES],
        metadata: EVENT_TYPES.map((eventType) => ({ eventType, releaseStatus: "PUBLIC" })),
      };
      return c.json(toWire(schemas.ListWebhookEventTypesResponse, response) as object);
    })
    .get("/subscriptions", (c) => {
      const includeDisabled = c.req.query("include_disabled") === "true";
      const descending = c.req.query("sort_order") === "DESC";
      const rawLimit = c.req.query("limit");
      const limit = rawLimit === undefined ? 100 : Number(rawLimit);
      if (!Number.isInteger(limit)) throw errors.badRequest("EXPECTED_INTEGER", "Expected an integer value.", "limit");
      if (limit < 1) throw errors.badRequest("VALUE_TOO_LOW", "`limit` must be at least 1.", "limit");
      const all = [...subscriptions(c).values(GLOBAL)]
        .filter((s) => includeDisabled || s.enabled)
        .sort((a, b) => (descending ? -1 : 1) * (a.createdAt ?? "").localeCompare(b.createdAt ?? ""));
      // Square caps the page at 100 rather than refusing larger limits.
      const result = page(all, { cursor: c.req.query("cursor"), limit: Math.min(limit, 100), query: { includeDisabled, descending } });
      return c.json({
        ...(result.items.length ? { subscriptions: result.items.map((s) => wire({ ...s, signatureKey: undefined })) } : {}),
        ...(result.cursor ? { cursor: result.cursor } : {}),
      });
    })
    .post("/subscriptions", async (c) => {
      const { value, raw } = await body(c, schemas.webhooks.CreateWebhookSubscriptionRequest);
      checkSubscription(value.subscription, false);
      return idempotent(c, "CreateWebhookSubscription", value.idempotencyKey, raw, () => {
        const now = c.get("ctx").clock.iso();
        const { name, enabled, eventTypes, notificationUrl, apiVersion } = value.subscription;
        const subscription: Square.WebhookSubscription = {
          id: ids.subscription(),
          ...(name ? { name } : {}),
          enabled: enabled ?? true,
          eventTypes: [...new Set(eventTypes)],
          notificationUrl,
          apiVersion: apiVersion ?? API_VERSION,
          signatureKey: ids.signatureKey(),
          createdAt: now,
          updatedAt: now,
        };
        subscriptions(c).put(GLOBAL, subscription.id!, subscription);
        return { subscription: wire(subscription) };
      });
    })
    .get("/subscriptions/:subscription_id", (c) => c.json({ subscription: wire(find(c)) }))
    .put("/subscriptions/:subscription_id", async (c) => {
      const current = find(c);
      const { value } = await body(c, schemas.webhooks.UpdateWebhookSubscriptionRequest);
      const changes = value.subscription ?? {};
      checkSubscription(changes, true);
      const next: Square.WebhookSubscription = { ...current, updatedAt: c.get("ctx").clock.iso() };
      if (changes.name === null) delete next.name;
      else if (changes.name !== undefined) next.name = changes.name;
      if (changes.enabled != null) next.enabled = changes.enabled;
      if (changes.eventTypes != null) next.eventTypes = [...new Set(changes.eventTypes)];
      if (changes.notificationUrl != null) next.notificationUrl = changes.notificationUrl;
      if (changes.apiVersion != null) next.apiVersion = changes.apiVersion;
      subscriptions(c).put(GLOBAL, current.id!, next);
      return c.json({ subscription: wire(next) });
    })
    .delete("/subscriptions/:subscription_id", (c) => {
      subscriptions(c).delete(GLOBAL, find(c).id!);
      return c.json({});
    })
    .post("/subscriptions/:subscription_id/signature-key", async (c) => {
      const current = find(c);
      const { value, raw } = await body(c, schemas.webhooks.UpdateWebhookSubscriptionSignatureKeyRequest);
      return idempotent(c, "UpdateWebhookSubscriptionSignatureKey", value.idempotencyKey ?? undefined, { ...raw, id: current.id }, () => {
        const signatureKey = ids.signatureKey();
        subscriptions(c).put(GLOBAL, current.id!, { ...current, signatureKey, updatedAt: c.get("ctx").clock.iso() });
        return { signature_key: signatureKey };
      });
    })
    .post("/subscriptions/:subscription_id/test", async (c) => {
      const subscription = find(c);
      const { value } = await body(c, schemas.webhooks.TestWebhookSubscriptionRequest);
      const now = c.get("ctx").clock.iso();
      const payload = testEvent(requireEventType(subscription, value.eventType), c.get("caller").merchantId, now);
      // Unlike real events, a test is sent while the caller waits: its answer carries the receiver's status.
      const statusCode = await bus
        .sendOnce(subscription, JSON.stringify(payload))
        .then((r) => r.status)
        .catch(() => null);
      const result = { notification_url: subscription.notificationUrl, status_code: statusCode, passes_filter: true, payload };
      return c.json({ subscription_test_result: { id: ids.uid(), ...result, created_at: now, updated_at: now }, ...result });
    });
}

const subscriptions = (c: Context<HonoEnv>) => tables(c.get("ctx").store).webhookSubscriptions;

const wire = (subscription: Square.WebhookSubscription) => toWire(schemas.WebhookSubscription, subscription);

function find(c: Context<HonoEnv>): Square.WebhookSubscription {
  const id = c.req.param("subscription_id") ?? "";
  const subscription = subscriptions(c).get(GLOBAL, id);
  if (!subscription) throw errors.notFound(`Subscription with id \`${id}\` not found.`);
  return subscription;
}
