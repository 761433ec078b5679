import "server-only";

// Failures where the request never reached Square's handler in a usable way: a pooled keep-alive
// connection the server had just closed, or a connection refused while it restarts.
const TRANSIENT = new Set(["ECONNRESET", "EPIPE", "ECONNREFUSED", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

function transientCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT.has(code)) return code;
  }
  return undefined;
}

const DELAYS_MS = [50, 200, 500, 1_000];

/**
 * `fetch` that tries again (up to four times, waiting 50 ms to 1 s) when the connection broke before
 * an answer came back. The SDK retries 408/429/5xx itself but not a reset socket, which long
 * syncs meet when a kept-alive connection is closed under them. Writes carry idempotency keys,
 * so resending is as safe as the SDK's own retries. A timeout (aborted signal) is not retried.
 */
export function resilientFetch(base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await base(input, init);
      } catch (err) {
        // Waiting also lets the event loop notice other pooled sockets the server has closed.
        if (attempt >= DELAYS_MS.length || init?.signal?.aborted || !transientCode(err)) throw err;
        await new Promise((resolve) => setTimeout(resolve, DELAYS_MS[attempt]));
      }
    }
  };
}
