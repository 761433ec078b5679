import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { cardFromPayment, cardFromToken } from "../domain/cards-create";
import { cardToWire, disableCard, findCustomer, listCards } from "../domain/cards";
import { tables } from "../domain/tables";
import { scope } from "../http/auth";
import { errors, SquareApiError } from "../http/errors";
import { idempotent } from "../http/idempotency";
import { page } from "../http/pagination";
import { body } from "../http/validate";
import { schemas } from "../http/wire";

// ListCards has no `limit`: Square returns at most 25 cards a page.
const CARDS_PAGE = 25;

/** The Cards API: /v2/cards. */
export const cardRoutes = new Hono<HonoEnv>()
  .post("/", scope("PAYMENTS_WRITE"), async (c) => {
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const { value: req, raw } = await body(c, schemas.cards.CreateCardRequest);
    if (req.idempotencyKey.length < 1) throw errors.badRequest("VALUE_TOO_SHORT", "Must be at least 1 character.", "idempotency_key");
    if (req.idempotencyKey.length > 45) throw errors.badRequest("VALUE_TOO_LONG", "Must be at most 45 characters.", "idempotency_key");
    if (!req.sourceId) throw errors.badRequest("VALUE_TOO_SHORT", "Must be at least 1 character.", "source_id");
    if ((req.card.referenceId ?? "").length > 128) throw errors.badRequest("VALUE_TOO_LONG", "Must be at most 128 characters.", "card.reference_id");
    const customerId = req.card.customerId;
    if (!customerId) throw errors.missing("card.customer_id");

    return idempotent(c, "CreateCard", req.idempotencyKey, raw, () => {
      const customer = findCustomer(ctx, merchantId, customerId);
      // Square's code for this is CUSTOMER_NOT_FOUND; its HTTP status is unconfirmed (404 chosen, see README).
      if (!customer)
        throw new SquareApiError(404, [
          { category: "INVALID_REQUEST_ERROR", code: "CUSTOMER_NOT_FOUND", detail: `Customer with ID \`${customerId}\` not found.`, field: "card.customer_id" },
        ]);
      const input = { customerId: customer.id!, cardholderName: req.card.cardholderName, billingAddress: req.card.billingAddress, referenceId: req.card.referenceId };
      const payment = tables(ctx.store).payments.get(merchantId, req.sourceId);
      const card = payment
        ? cardFromPayment(ctx, merchantId, payment, input)
        : cardFromToken(ctx, merchantId, { sourceId: req.sourceId, verificationToken: req.verificationToken, field: "source_id" }, input);
      return { card: cardToWire(card) };
    });
  })
  .get("/", scope("PAYMENTS_READ"), (c) => {
    const q = c.req.query();
    const includeDisabled = q.include_disabled ?? "false";
    if (includeDisabled !== "true" && includeDisabled !== "false")
      throw errors.badRequest("EXPECTED_BOOLEAN", "Expected a boolean value.", "include_disabled");
    const sortOrder = q.sort_order ?? "ASC";
    if (sortOrder !== "ASC" && sortOrder !== "DESC") throw errors.badRequest("INVALID_ENUM_VALUE", "Expected ASC or DESC.", "sort_order");
    const query = { customerId: q.customer_id || undefined, includeDisabled: includeDisabled === "true", referenceId: q.reference_id, sortOrder } as const;
    const cards = listCards(c.get("ctx"), c.get("caller").merchantId, query);
    const result = page(cards, { cursor: q.cursor, limit: CARDS_PAGE, query });
    if (!result.items.length) return c.json({});
    return c.json({ cards: result.items.map(cardToWire), ...(result.cursor ? { cursor: result.cursor } : {}) });
  })
  .get("/:card_id", scope("PAYMENTS_READ"), (c) => {
    const card = tables(c.get("ctx").store).cards.get(c.get("caller").merchantId, c.req.param("card_id"));
    if (!card) throw errors.notFound("Card not found.");
    return c.json({ card: cardToWire(card) });
  })
  .post("/:card_id/disable", scope("PAYMENTS_WRITE"), (c) => {
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const card = tables(ctx.store).cards.get(merchantId, c.req.param("card_id"));
    if (!card) throw errors.notFound("Card not found.");
    return c.json({ card: cardToWire(disableCard(ctx, merchantId, card)) });
  });
