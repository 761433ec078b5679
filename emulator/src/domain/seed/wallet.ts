import type { Square } from "square";
import { between, chance, weighted, type Random } from "../../random";
import { brandOf, fingerprintOf, luhnValid } from "../cards-numbers";
import type { CardFacts } from "../payment-tokens";

// Brand shares roughly as a US café sees them; prefixes match cards-numbers.ts's brand rules.
const BRANDS: readonly (readonly [{ prefix: string; length: number }, number])[] = [
  [{ prefix: "4", length: 16 }, 50],
  [{ prefix: "51", length: 16 }, 16],
  [{ prefix: "22", length: 16 }, 6],
  [{ prefix: "37", length: 15 }, 14],
  [{ prefix: "6011", length: 16 }, 8],
  [{ prefix: "3530", length: 16 }, 3],
  [{ prefix: "36", length: 14 }, 3],
];

/**
 * A card a generated customer carries: a fresh, Luhn-valid number of a weighted brand, reduced at
 * once to what Square keeps (brand, BIN, last 4, expiry, fingerprint). `expiringSoon` puts the
 * expiry in the current or next month of `nowMs`.
 */
export function walletCard(random: Random, nowMs: number, opts: { cardholderName: string; postalCode?: string; expiringSoon?: boolean }): CardFacts {
  const { prefix, length } = weighted(random, BRANDS);
  let body = prefix;
  while (body.length < length - 1) body += String(between(random, 0, 9));
  const pan = body + checkDigit(body);
  const rule = brandOf(pan);
  if (!rule || !luhnValid(pan)) throw new Error(`generated an invalid card number for prefix ${prefix}`);
  const now = new Date(nowMs);
  const [expMonth, expYear] = opts.expiringSoon
    ? monthsAhead(now, between(random, 0, 1))
    : monthsAhead(now, between(random, 3, 48));
  return {
    brand: rule.brand,
    last4: pan.slice(-4),
    bin: pan.slice(0, 6),
    expMonth,
    expYear,
    ...(opts.postalCode ? { postalCode: opts.postalCode } : {}),
    fingerprint: fingerprintOf(pan),
    cardType: (chance(random, 0.35) ? "DEBIT" : "CREDIT") as Square.CardType,
    prepaidType: "NOT_PREPAID",
    cardholderName: opts.cardholderName,
  };
}

function monthsAhead(now: Date, months: number): [number, number] {
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() + months;
  return [(index % 12) + 1, Math.floor(index / 12)];
}

function checkDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return String(d);
  throw new Error("unreachable: one check digit always fits");
}
