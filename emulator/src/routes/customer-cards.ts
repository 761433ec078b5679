import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { cardFromToken } from "../domain/cards-create";
import { cardToWire, disableCard, findCustomer, survivingCustomerId } from "../domain/cards";
import { tables } from "../domain/tables";
import { scope } from "../http/auth";
import { errors } from "../http/errors";
import { body } from "../http/validate";
import { schemas } from "../http/wire";

/**
 * The deprecated CreateCustomerCard / DeleteCustomerCard (replaced by the Cards API in 2021, still
 * called by older integrations). Mounted beside the customers router under /v2/customers.
 */
export const customerCardRoutes = new Hono<HonoEnv>()
  .post("/:customer_id/cards", scope("CUSTOMERS_WRITE"), async (c) => {
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const { value: req } = await body(c, schemas.customers.cards.CreateCustomerCardRequest);
    const customer = findCustomer(ctx, merchantId, c.req.param("customer_id"));
    if (!customer) throw errors.notFound(`Customer with ID \`${c.req.param("customer_id")}\` not found.`);
    if (!req.cardNonce) throw errors.badRequest("VALUE_TOO_SHORT", "Must be at least 1 character.", "card_nonce");

    // This endpoint has no idempotency key: repeating it with the same nonce returns the first card.
    const sources = tables(ctx.store).cardSources;
    const sourceKey = `nonce:${customer.id}:${req.cardNonce}`;
    const earlier = sources.get(merchantId, sourceKey);
    const existing = earlier ? tables(ctx.store).cards.get(merchantId, earlier) : undefined;
    if (existing) return c.json({ card: cardToWire(existing) });

    const card = cardFromToken(
      ctx,
      merchantId,
      { sourceId: req.cardNonce, verificationToken: req.verificationToken, field: "card_nonce", legacyCodes: true },
      { customerId: customer.id!, cardholderName: req.cardholderName, billingAddress: req.billingAddress },
    );
    sources.put(merchantId, sourceKey, card.id!);
    return c.json({ card: cardToWire(card) });
  })
  .delete("/:customer_id/cards/:card_id", scope("CUSTOMERS_WRITE"), (c) => {
    const ctx = c.get("ctx");
    const { merchantId } = c.get("caller");
    const group = survivingCustomerId(ctx, merchantId, c.req.param("customer_id"));
    const card = tables(ctx.store).cards.get(merchantId, c.req.param("card_id"));
    // Deleting disables the card (the Cards API still retrieves it); a deleted card is gone from the customer.
    if (!card || !card.enabled || !card.customerId || survivingCustomerId(ctx, merchantId, card.customerId) !== group)
      throw errors.notFound("Card not found.");
    disableCard(ctx, merchantId, card);
    return c.json({});
  });
