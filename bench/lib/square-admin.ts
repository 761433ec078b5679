import http from "node:http";

/**
 * The local Square's control routes (emulator/README.md), not Square's API. Plain node:http with no
 * connection reuse: a large seed blocks the server for minutes, longer than fetch waits for headers,
 * and admin calls minutes apart should not meet a pooled connection the server has since closed.
 */
export function adminCall<T>(baseUrl: string, path: string, opts: { token?: string; body?: unknown; method?: string } = {}): Promise<T> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, baseUrl),
      {
        method: opts.method ?? (payload === undefined ? "GET" : "POST"),
        agent: false,
        headers: { "content-type": "application/json", ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          if ((res.statusCode ?? 500) >= 300) return reject(new Error(`${path} answered ${res.statusCode}: ${text.slice(0, 500)}`));
          resolve((text ? JSON.parse(text) : undefined) as T);
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export interface SeededSeller {
  merchant_id: string;
  location_id: string;
  access_token: string;
  refresh_token: string;
  counts: Record<string, number>;
  elapsed_ms: number;
}

export interface CallCounts {
  total: number;
  calls: Record<string, number>;
}

/** One seller's view of the control routes. */
export function squareAdmin(baseUrl: string, token: string) {
  return {
    /**
     * Replaces this seller's faults: latency ± jitter on every /v2 call, and optionally every webhook
     * event dropped (so a measured action's count holds only its own calls). All zero clears them.
     */
    setFaults: (f: { latencyMs: number; jitterMs: number; dropWebhooks?: boolean }) =>
      adminCall(baseUrl, "/_emulator/faults", {
        token,
        body: { ...(f.latencyMs > 0 ? { latency_ms: f.latencyMs, jitter_ms: f.jitterMs } : {}), ...(f.dropWebhooks ? { webhook_drop_rate: 1 } : {}) },
      }),
    stats: () => adminCall<CallCounts>(baseUrl, "/_emulator/stats", { token }),
    resetStats: () => adminCall<void>(baseUrl, "/_emulator/stats/reset", { token, body: {} }),
    merge: (customerIds: string[]) => adminCall<{ customer: { id: string } }>(baseUrl, "/_emulator/customers/merge", { token, body: { customer_ids: customerIds } }),
  };
}

export type SquareAdmin = ReturnType<typeof squareAdmin>;

/** A fresh seller with a year of history (POST /_emulator/seed blocks the local Square while it runs). */
export const seedSeller = (baseUrl: string, size: { customers: number; orders: number; months: number }) =>
  adminCall<SeededSeller>(baseUrl, "/_emulator/seed", { body: { ...size, business_name: "Bench Café" } });
