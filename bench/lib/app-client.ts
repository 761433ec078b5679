import { randomUUID } from "node:crypto";

/** What bench/lib/app-probe.mjs measured inside the app for one request. */
export interface ServerTiming {
  serverMs: number;
  dbMs: number;
  queries: number;
  cpuMs: number;
  status: number;
}

export interface Measured extends ServerTiming {
  /** Request sent → last byte read, at the bench (includes loopback and the bench's own parsing). */
  clientMs: number;
  body: string;
}

// The connection broke before an answer: a kept-alive socket the server closed as we reused it.
const TRANSIENT = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
const transient = (err: unknown): boolean => {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++)
    if (TRANSIENT.has(String((e as { code?: unknown }).code))) return true;
  return false;
};

/**
 * Requests to the signed-in app, each tagged `x-bench-id` so the probe's timings can be read back.
 * Bodies are read to the end: a streamed page counts once every panel has arrived. A request whose
 * connection broke before any answer is sent again (at most three times) and counted in `retries`.
 */
export function appClient(appUrl: string, cookie: string) {
  const counters = { retries: 0 };
  async function send(url: string, init: RequestInit = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(url, { redirect: "manual", ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });
      } catch (err) {
        if (attempt >= 3 || !transient(err)) throw err;
        counters.retries++;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  async function timing(id: string): Promise<ServerTiming> {
    // The probe records a request when its response finishes, which can trail the last byte a little.
    for (let attempt = 0; attempt < 50; attempt++) {
      const res = await send(`${appUrl}/__bench/requests/${id}`);
      if (res.ok) return (await res.json()) as ServerTiming;
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error("The app probe has no timing for a request (is bench/lib/app-probe.mjs loaded?).");
  }

  async function request(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Measured> {
    const id = randomUUID();
    const started = performance.now();
    const res = await send(appUrl + path, {
      method: init.method ?? (init.json === undefined ? "GET" : "POST"),
      headers: { "x-bench-id": id, ...(init.json === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const body = await res.text();
    const clientMs = performance.now() - started;
    return { ...(await timing(id)), clientMs, body, status: res.status };
  }

  async function read(path: string): Promise<Response> {
    const res = await send(appUrl + path);
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return res;
  }

  return {
    request,
    /** A page or JSON route that must answer 200 (a redirect to sign-in or an error page is a failed run). */
    async get(path: string): Promise<Measured> {
      const r = await request(path);
      if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${r.body.slice(0, 300)}`);
      return r;
    },
    json: async <T>(path: string): Promise<T> => (await (await read(path)).json()) as T,
    text: async (path: string): Promise<string> => (await read(path)).text(),
    probeStatus: async () => (await (await send(`${appUrl}/__bench/status`)).json()) as ProbeStatus,
    /** Zeroes the probe's event-loop and background-database figures. */
    resetProbe: async () => void (await (await send(`${appUrl}/__bench/reset`)).arrayBuffer()),
    counters,
  };
}

export interface ProbeStatus {
  wrapped: string[];
  queriesSeen: number;
  queriesInRequests: number;
  eventLoop: { maxMs: number; p99Ms: number; meanMs: number };
  /** Database work outside any request since the last reset (job runner, work left running). */
  background: BackgroundDb;
}

export interface BackgroundDb {
  ms: number;
  queries: number;
  top: { sql: string; ms: number; n: number }[];
}

export type AppClient = ReturnType<typeof appClient>;
