import { isAppError } from "@/lib/errors";

/** The seller disconnected (or never connected): sync work for them stops instead of retrying. */
export class SellerNotConnectedError extends Error {
  constructor(readonly merchantId: string) {
    super(`Seller ${merchantId} is not connected to Square.`);
    this.name = "SellerNotConnectedError";
  }
}

/** Square refused a stored cursor (they live minutes); the walk restarts from what it has. */
export const isExpiredCursor = (err: unknown) => isAppError(err, "INVALID_INPUT") && err.squareCode === "INVALID_CURSOR";

/** A readable one-liner for status displays and job rows. */
export function describeError(err: unknown): string {
  if (isAppError(err)) return `${err.code}${err.squareCode ? ` (${err.squareCode})` : ""}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
