import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { createPayment } from "../domain/payments/create-payment";
import { listPayments } from "../domain/payments/list-payments";
import { applyDelayAction, cancelByIdempotencyKey, cancelPayment, completePayment, updatePayment } from "../domain/payments/payment-lifecycle";
import { getPayment, paymentWire } from "../domain/payments/payment-store";
import { mainLocationId, parseEnum, parseLimit, parseTime, requireKey, requireLocation } from "../domain/payments/seller-checks";
import { scope } from "../http/auth";
import { errors } from "../http/errors";
import { idempotent } from "../http/idempotency";
import { page } from "../http/pagination";
import { body } from "../http/validate";
import { schemas } from "../http/wire";

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Square's Payments API. */
export const paymentRoutes = new Hono<HonoEnv>()
  .get("/", scope("PAYMENTS_READ"), (c) => {
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const q = c.req.query();
    const now = ctx.clock.nowMs();
    if (q.total !== undefined && !/^\d+$/.test(q.total)) throw errors.badRequest("EXPECTED_INTEGER", "Expected an integer for `total`.", "total");
    const filter = {
      locationId: requireLocation(ctx, merchantId, q.location_id || mainLocationId(ctx, merchantId), "location_id").id!,
      beginMs: parseTime(q.begin_time, "begin_time") ?? now - YEAR_MS,
      endMs: parseTime(q.end_time, "end_time") ?? now,
      updatedBeginMs: parseTime(q.updated_at_begin_time, "updated_at_begin_time"),
      updatedEndMs: parseTime(q.updated_at_end_time, "updated_at_end_time"),
      total: q.total !== undefined ? BigInt(q.total) : undefined,
      last4: q.last_4 || undefined,
      cardBrand: q.card_brand || undefined,
      sortField: parseEnum(q.sort_field, ["CREATED_AT", "UPDATED_AT", "OFFLINE_CREATED_AT"] as const, "sort_field") ?? "CREATED_AT",
      sortOrder: parseEnum(q.sort_order, ["ASC", "DESC"] as const, "sort_order", "INVALID_SORT_ORDER") ?? "DESC",
    };
    if (filter.beginMs > filter.endMs) throw errors.badRequest("INVALID_TIME_RANGE", "`begin_time` must not be after `end_time`.", "begin_time");
    // Square ignores a limit above 100 (or below 1) and uses its default instead of refusing it.
    const limit = parseLimit(q.limit, { max: 100, fallback: 100, clamp: true });
    const found = q.is_offline_payment === "true" ? [] : listPayments(ctx, merchantId, filter);
    const query = { ...q, cursor: undefined, limit: undefined };
    const { items, cursor } = page(found, { cursor: q.cursor, limit, query });
    return c.json(items.length ? { payments: items.map(paymentWire), ...(cursor ? { cursor } : {}) } : {});
  })
  .post("/", scope("PAYMENTS_WRITE"), async (c) => {
    const { value, raw } = await body(c, schemas.payments.CreatePaymentRequest);
    requireKey(value.idempotencyKey, "idempotency_key", 45);
    return idempotent(c, "CreatePayment", value.idempotencyKey, raw, () => ({
      payment: paymentWire(createPayment(c.get("ctx"), c.get("caller"), value)),
    }));
  })
  .post("/cancel", scope("PAYMENTS_WRITE"), async (c) => {
    const { value } = await body(c, schemas.payments.CancelPaymentByIdempotencyKeyRequest);
    requireKey(value.idempotencyKey, "idempotency_key", 45);
    cancelByIdempotencyKey(c.get("ctx"), c.get("caller").merchantId, value.idempotencyKey);
    return c.json({});
  })
  .get("/:payment_id", scope("PAYMENTS_READ"), (c) => {
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    return c.json({ payment: paymentWire(applyDelayAction(ctx, merchantId, getPayment(ctx, merchantId, c.req.param("payment_id")))) });
  })
  .put("/:payment_id", scope("PAYMENTS_WRITE"), async (c) => {
    const { value, raw } = await body(c, schemas.payments.UpdatePaymentRequest);
    requireKey(value.idempotencyKey, "idempotency_key", 45);
    const id = c.req.param("payment_id");
    return idempotent(c, `UpdatePayment:${id}`, value.idempotencyKey, raw, () => ({
      payment: paymentWire(updatePayment(c.get("ctx"), c.get("caller").merchantId, id, value.payment ?? {})),
    }));
  })
  .post("/:payment_id/cancel", scope("PAYMENTS_WRITE"), (c) =>
    c.json({ payment: paymentWire(cancelPayment(c.get("ctx"), c.get("caller").merchantId, c.req.param("payment_id"))) }),
  )
  .post("/:payment_id/complete", scope("PAYMENTS_WRITE"), async (c) => {
    const { value } = await body(c, schemas.payments.CompletePaymentRequest);
    return c.json({ payment: paymentWire(completePayment(c.get("ctx"), c.get("caller").merchantId, c.req.param("payment_id"), value.versionToken)) });
  });
