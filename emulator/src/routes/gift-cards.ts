import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { createGiftCard, getGiftCard, giftCardWire, setCustomerLink } from "../domain/gift-cards/gift-cards";
import { listGiftCards } from "../domain/gift-cards/list-gift-cards";
import { giftCardForGan } from "../domain/gift-cards/sandbox-gift-card";
import { findPaymentToken } from "../domain/payment-tokens";
import { checkLength, parseEnum, parseLimit, requireKey, requireLocation } from "../domain/payments/seller-checks";
import { scope } from "../http/auth";
import { errors } from "../http/errors";
import { idempotent } from "../http/idempotency";
import { page } from "../http/pagination";
import { body } from "../http/validate";
import { schemas } from "../http/wire";

const TYPES = ["PHYSICAL", "DIGITAL"] as const;
const STATES = ["ACTIVE", "DEACTIVATED", "BLOCKED", "PENDING"] as const;

/** Square's Gift Cards API (activities live in gift-card-activities.ts). */
export const giftCardRoutes = new Hono<HonoEnv>()
  .get("/", scope("GIFTCARDS_READ"), (c) => {
    const q = c.req.query();
    const filter = { type: parseEnum(q.type, TYPES, "type"), state: parseEnum(q.state, STATES, "state"), customerId: q.customer_id || undefined };
    const limit = parseLimit(q.limit, { max: 200, fallback: 30 });
    const { items, cursor } = page(listGiftCards(c.get("ctx"), c.get("caller").merchantId, filter), { cursor: q.cursor, limit, query: filter });
    return c.json(items.length ? { gift_cards: items.map(giftCardWire), ...(cursor ? { cursor } : {}) } : {});
  })
  .post("/", scope("GIFTCARDS_WRITE"), async (c) => {
    const { value, raw } = await body(c, schemas.giftCards.CreateGiftCardRequest);
    const { merchantId } = c.get("caller");
    requireKey(value.idempotencyKey, "idempotency_key", 128);
    return idempotent(c, "CreateGiftCard", value.idempotencyKey, raw, () => {
      requireLocation(c.get("ctx"), merchantId, value.locationId, "location_id");
      const { type, ganSource, gan } = value.giftCard;
      return { gift_card: giftCardWire(createGiftCard(c.get("ctx"), merchantId, { type, ganSource, gan })) };
    });
  })
  .post("/from-gan", scope("GIFTCARDS_READ"), async (c) => {
    const { value } = await body(c, schemas.giftCards.GetGiftCardFromGanRequest);
    checkLength(value.gan, "gan", 255, 1);
    const card = giftCardForGan(c.get("ctx"), c.get("caller").merchantId, value.gan);
    if (!card) throw errors.notFound("Gift card not found.", "gan");
    return c.json({ gift_card: giftCardWire(card) });
  })
  .post("/from-nonce", scope("GIFTCARDS_READ"), async (c) => {
    const { value } = await body(c, schemas.giftCards.GetGiftCardFromNonceRequest);
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const token = findPaymentToken(ctx, merchantId, value.nonce);
    if (!token) throw errors.notFound("Gift card nonce not found.", "nonce");
    if (token.method !== "gift_card" || !token.gan) throw errors.badRequest("INVALID_VALUE", "The nonce is not a gift card nonce.", "nonce");
    if (token.usedAt) throw errors.badRequest("CARD_TOKEN_USED", "Card nonce already used; please request new nonce.", "nonce");
    if (token.expiresAt && Date.parse(token.expiresAt) <= ctx.clock.nowMs())
      throw errors.badRequest("CARD_TOKEN_EXPIRED", "Card nonce has expired.", "nonce");
    const card = giftCardForGan(ctx, merchantId, token.gan);
    if (!card) throw errors.notFound("Gift card not found.", "nonce");
    return c.json({ gift_card: giftCardWire(card) });
  })
  .get("/:gift_card_id", scope("GIFTCARDS_READ"), (c) =>
    c.json({ gift_card: giftCardWire(getGiftCard(c.get("ctx"), c.get("caller").merchantId, c.req.param("gift_card_id"))) }),
  )
  .post("/:gift_card_id/link-customer", scope("GIFTCARDS_WRITE"), async (c) => {
    const { value } = await body(c, schemas.giftCards.LinkCustomerToGiftCardRequest);
    checkLength(value.customerId, "customer_id", 191, 1);
    const card = setCustomerLink(c.get("ctx"), c.get("caller").merchantId, c.req.param("gift_card_id"), value.customerId, true);
    return c.json({ gift_card: giftCardWire(card) });
  })
  .post("/:gift_card_id/unlink-customer", scope("GIFTCARDS_WRITE"), async (c) => {
    const { value } = await body(c, schemas.giftCards.UnlinkCustomerFromGiftCardRequest);
    checkLength(value.customerId, "customer_id", 191, 1);
    const card = setCustomerLink(c.get("ctx"), c.get("caller").merchantId, c.req.param("gift_card_id"), value.customerId, false);
    return c.json({ gift_card: giftCardWire(card) });
  });
