import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { tables } from "../domain/tables";
import { scope } from "../http/auth";
import { errors } from "../http/errors";
import { schemas, toWire } from "../http/wire";
import { GLOBAL } from "../store/store";

export const merchantRoutes = new Hono<HonoEnv>()
  // ListMerchants returns only the caller's merchant, under the singular key `merchant`.
  .get("/", scope("MERCHANT_PROFILE_READ"), (c) => {
    const merchant = tables(c.get("ctx").store).merchants.get(GLOBAL, c.get("caller").merchantId)!;
    return c.json({ merchant: [toWire(schemas.Merchant, merchant)] });
  })
  .get("/:merchant_id", scope("MERCHANT_PROFILE_READ"), (c) => {
    const { merchantId } = c.get("caller");
    const wanted = c.req.param("merchant_id");
    const id = wanted === "me" ? merchantId : wanted;
    // Another seller's merchant is as invisible as one that does not exist.
    if (id !== merchantId) throw errors.notFound(`Merchant with id \`${wanted}\` not found.`);
    const merchant = tables(c.get("ctx").store).merchants.get(GLOBAL, id)!;
    return c.json({ merchant: toWire(schemas.Merchant, merchant) });
  });
