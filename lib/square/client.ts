import "server-only";
import { SquareClient } from "square";
import type { SquareConfig } from "./config";
import { resilientFetch } from "./resilient-fetch";

export type { SquareClient } from "square";

/**
 * The one place Patron constructs SDK clients. With a seller's access token for their data; without
 * one for the OAuth endpoints, which authenticate with the application's credentials instead.
 * Retries are deliberate (the SDK retries POSTs too, so every write carries an idempotency key), and
 * a connection reset under a request is retried as well (resilient-fetch.ts).
 */
export function createSquareClient(config: SquareConfig, accessToken?: string): SquareClient {
  const client = new SquareClient({
    baseUrl: config.baseUrl,
    // The SDK falls back to the SQUARE_TOKEN variable when no token is given; never let it.
    token: accessToken ?? "",
    timeoutInSeconds: config.timeoutInSeconds,
    maxRetries: config.maxRetries,
    fetch: resilientFetch(),
  });
  baseUrls.set(client, config.baseUrl);
  return client;
}

const baseUrls = new WeakMap<SquareClient, string>();

/** Where a client made here sends its requests (wire-request.ts asks for whole URLs: the SDK's passthrough would escape the `?` of a relative path). */
export function baseUrlOf(client: SquareClient): string {
  const url = baseUrls.get(client);
  if (!url) throw new Error("Square clients are made with createSquareClient (lib/square/client.ts).");
  return url;
}
