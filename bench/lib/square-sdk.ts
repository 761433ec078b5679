import { SquareClient } from "square";

/**
 * The official SDK pointed at the local Square, as the bench's own client (seeding the merged
 * customer, the live baseline, freshness writes). No automatic retries: every call counted is a call made.
 */
export const sdkClient = (baseUrl: string, token: string) => new SquareClient({ baseUrl, token, maxRetries: 0, timeoutInSeconds: 120 });
