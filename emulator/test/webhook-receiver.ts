import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { merchant_id: string; type: string; event_id: string; created_at: string; data: Record<string, unknown> };
}

/**
 * A webhook receiver for tests: a node:http server on a free port that records every delivery.
 * `respond` picks the status per delivery (default 200); returning a promise holds the answer back.
 */
export async function startReceiver(respond: (hook: ReceivedWebhook) => number | Promise<number> = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const hook: ReceivedWebhook = { path: req.url ?? "", headers: req.headers, body, json: JSON.parse(body || "{}") };
      received.push(hook);
      res.writeHead(await respond(hook)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = (path = "/hooks") => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

  /** Waits (polling, bounded) until `count` deliveries satisfy `match`, and returns them. */
  async function waitFor(match: (hook: ReceivedWebhook) => boolean, count = 1, timeoutMs = 5_000) {
    await expect.poll(() => received.filter(match).length, { timeout: timeoutMs, interval: 10 }).toBeGreaterThanOrEqual(count);
    return received.filter(match);
  }

  return {
    url,
    received,
    waitFor,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
