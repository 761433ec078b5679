import { createHash, randomInt } from "node:crypto";
import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { errors } from "../http/errors";
import { emitCardEvent } from "./cards";
import { tables } from "./tables";

// Reissued cards usually run three more years.
const YEARS_ADDED = 3;

export interface AutoUpdateRequest {
  cardIds?: string[];
  /** true: every card also gets a new number; false: never; unset: about one card in four. */
  newLast4?: boolean;
}

/**
 * Square's card updater, on demand: the card networks hand Square a new expiry (and sometimes a
 * new number) for cards on file. Each updated card gets a version bump and `card.automatically_updated`.
 * Only enabled cards are updated; naming an unknown card is 404, a disabled one 400.
 */
export function autoUpdateCards(ctx: EmulatorContext, merchantId: string, req: AutoUpdateRequest): Square.Card[] {
  const cards = tables(ctx.store).cards;
  const targets = req.cardIds
    ? req.cardIds.map((id) => {
        const card = cards.get(merchantId, id);
        if (!card) throw errors.notFound(`Card \`${id}\` not found.`, "card_ids");
        if (!card.enabled) throw errors.badRequest("BAD_REQUEST", `Card \`${id}\` is disabled and cannot be updated.`, "card_ids");
        return card;
      })
    : [...cards.values(merchantId)].filter((card) => card.enabled);

  const thisYear = ctx.clock.now().getUTCFullYear();
  return targets.map((card) => {
    const reissued = req.newLast4 ?? oneInFour(card);
    const updated: Square.Card = {
      ...card,
      expYear: BigInt(Math.max(Number(card.expYear ?? thisYear), thisYear) + YEARS_ADDED),
      ...(reissued ? { last4: newLast4(card.last4) } : {}),
      version: (card.version ?? 1n) + 1n,
    };
    cards.put(merchantId, card.id!, updated);
    emitCardEvent(ctx, merchantId, "card.automatically_updated", updated);
    return updated;
  });
}

function oneInFour(card: Square.Card): boolean {
  return createHash("sha256").update(`${card.id}:${card.version}`).digest()[0] % 4 === 0;
}

function newLast4(old: string | undefined): string {
  for (;;) {
    const next = String(randomInt(0, 10_000)).padStart(4, "0");
    if (next !== old) return next;
  }
}
