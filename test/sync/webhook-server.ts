import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Delivery {
  body: string;
  headers: Record<string, string>;
  status: number;
}

/**
 * Serves a WHATWG `(Request) => Response` handler (Patron's webhook receiver) on a free local port,
 * as Next would, so the local Square can deliver to it. Keeps every delivery for replay.
 */
export async function serveHandler(handler: (request: Request) => Promise<Response>, path = "/api/webhooks/square") {
  const deliveries: Delivery[] = [];
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const handled = respond();
      inFlight.add(handled);
      void handled.finally(() => inFlight.delete(handled));
    });
    const respond = async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      try {
        const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: req.method === "POST" ? body : undefined }));
        deliveries.push({ body, headers, status: response.status });
        res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
      } catch (err) {
        deliveries.push({ body, headers, status: 500 });
        res.writeHead(500).end(String(err));
      }
    };
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return {
    url,
    deliveries,
    /** POSTs a delivery as-is (or altered) to the receiver. */
    send: (body: string, headers: Record<string, string>) => fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }),
    /** Stops listening, then waits for deliveries being handled (they may be writing to the database). */
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type HandlerServer = Awaited<ReturnType<typeof serveHandler>>;
