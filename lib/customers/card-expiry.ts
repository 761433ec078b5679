/** Whether a card still works, expires this month or next (time to ask for a new one), or has expired. */
export type ExpiryState = "valid" | "expiring" | "expired" | "unknown";

/** Cards are good through the last day of their expiry month. */
export function expiryState(expMonth: number | null, expYear: number | null, now: Date): ExpiryState {
  if (!expMonth || !expYear) return "unknown";
  const months = (expYear - now.getUTCFullYear()) * 12 + (expMonth - (now.getUTCMonth() + 1));
  if (months < 0) return "expired";
  return months <= 1 ? "expiring" : "valid";
}
