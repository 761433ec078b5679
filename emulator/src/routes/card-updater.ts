import { Hono } from "hono";
import { z } from "zod";
import type { HonoEnv } from "../context";
import { cardToWire } from "../domain/cards";
import { autoUpdateCards } from "../domain/cards-updater";
import { requireCaller } from "../http/auth";
import { errors } from "../http/errors";
import { readJson } from "../http/validate";

const AutoUpdate = z
  .object({
    card_ids: z.array(z.string().min(1)).min(1).max(100).optional(),
    new_last_4: z.boolean().optional(),
  })
  .strict();

/** Control route (not Square's): `POST /_emulator/cards/auto-update` with the seller's bearer token. */
export const cardUpdaterRoutes = new Hono<HonoEnv>().post("/auto-update", requireCaller, async (c) => {
  const parsed = AutoUpdate.safeParse(await readJson(c));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw errors.badRequest("INVALID_VALUE", issue.message, issue.path.join(".") || undefined);
  }
  const cards = autoUpdateCards(c.get("ctx"), c.get("caller").merchantId, {
    cardIds: parsed.data.card_ids,
    newLast4: parsed.data.new_last_4,
  });
  return c.json({ cards: cards.map(cardToWire) });
});
