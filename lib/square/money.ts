import "server-only";
import type { Square, serialization } from "square";
import type { Money } from "./types";

/**
 * The SDK hands out int64 amounts as bigint, which neither JSON nor React props can carry. This is the
 * only place they become numbers: integer minor units, exact up to 2^53 (far beyond any real amount).
 */
export function toMoney(money: Square.Money | null | undefined): Money | null {
  if (money?.amount === undefined || money.amount === null || !money.currency) return null;
  return { amount: toSafeNumber(money.amount), currency: money.currency };
}

/** The same from Square's wire JSON, where amounts are plain numbers. */
export function moneyFromWire(money: serialization.Money.Raw | null | undefined): Money | null {
  if (money?.amount === undefined || money.amount === null || !money.currency) return null;
  return { amount: toSafeNumber(money.amount), currency: money.currency };
}

export function toSquareMoney(money: Money): Square.Money {
  if (!Number.isSafeInteger(money.amount)) throw new RangeError(`Money amounts are whole minor units, got ${money.amount}`);
  return { amount: BigInt(money.amount), currency: money.currency as Square.Currency };
}

/** Any other int64 the SDK returns (versions, counts). */
export function toSafeNumber(value: bigint | number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Integer out of range: ${value}`);
  return n;
}
