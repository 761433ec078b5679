import { Hono } from "hono";
import type { Square } from "square";
import type { HonoEnv } from "../context";
import { createGiftCardActivity } from "../domain/gift-cards/activities";
import { activityWire } from "../domain/gift-cards/ledger";
import { listGiftCardActivities } from "../domain/gift-cards/list-gift-cards";
import { parseEnum, parseLimit, parseTime, requireKey } from "../domain/payments/seller-checks";
import { scope } from "../http/auth";
import { errors } from "../http/errors";
import { idempotent } from "../http/idempotency";
import { page } from "../http/pagination";
import { body } from "../http/validate";
import { schemas } from "../http/wire";

const YEAR_MS = 365 * 24 * 3600 * 1000;
const TYPES = [
  "ACTIVATE", "LOAD", "REDEEM", "CLEAR_BALANCE", "DEACTIVATE", "ADJUST_INCREMENT", "ADJUST_DECREMENT", "REFUND",
  "UNLINKED_ACTIVITY_REFUND", "IMPORT", "BLOCK", "UNBLOCK", "IMPORT_REVERSAL", "TRANSFER_BALANCE_FROM", "TRANSFER_BALANCE_TO",
] as const satisfies readonly Square.GiftCardActivityType[];

/** Square's Gift Card Activities API, mounted at /v2/gift-cards/activities. */
export const giftCardActivityRoutes = new Hono<HonoEnv>()
  .get("/", scope("GIFTCARDS_READ"), (c) => {
    const q = c.req.query();
    const now = c.get("ctx").clock.nowMs();
    const endMs = parseTime(q.end_time, "end_time") ?? now;
    const beginMs = parseTime(q.begin_time, "begin_time") ?? endMs - YEAR_MS;
    if (beginMs > endMs) throw errors.badRequest("INVALID_TIME_RANGE", "`begin_time` must not be after `end_time`.", "begin_time");
    const filter = {
      giftCardId: q.gift_card_id || undefined,
      type: parseEnum(q.type, TYPES, "type"),
      locationId: q.location_id || undefined,
      beginMs,
      endMs,
      sortOrder: parseEnum(q.sort_order, ["ASC", "DESC"] as const, "sort_order", "INVALID_SORT_ORDER") ?? "DESC",
    };
    const limit = parseLimit(q.limit, { max: 100, fallback: 50 });
    const query = { ...q, cursor: undefined, limit: undefined };
    const { items, cursor } = page(listGiftCardActivities(c.get("ctx"), c.get("caller").merchantId, filter), { cursor: q.cursor, limit, query });
    return c.json(items.length ? { gift_card_activities: items.map(activityWire), ...(cursor ? { cursor } : {}) } : {});
  })
  .post("/", scope("GIFTCARDS_WRITE"), async (c) => {
    const { value, raw } = await body(c, schemas.giftCards.activities.CreateGiftCardActivityRequest);
    requireKey(value.idempotencyKey, "idempotency_key", 128);
    return idempotent(c, "CreateGiftCardActivity", value.idempotencyKey, raw, () => ({
      gift_card_activity: activityWire(createGiftCardActivity(c.get("ctx"), c.get("caller").merchantId, value.giftCardActivity)),
    }));
  });
