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

/**
 * Requests to the signed-in app, each tagged `x-bench-id` so the probe's timings can be read back.
 * Bodies are read to the end: a streamed page counts once every panel has arrived.
 */
export function appClient(appUrl: string, cookie: string) {
  async function timing(id: string): Promise<ServerTiming> {
    // The probe records a request when its response finishes, which can trail the last byte a little.
    for (let attempt = 0; attempt < 50; attempt++) {
      const res = await fetch(`${appUrl}/__bench/requests/${id}`);
      if (res.ok) return (await res.json()) as ServerTiming;
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error("The app probe has no timing for a request (is bench/lib/app-probe.mjs loaded?).");
  }

  async function request(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Measured> {
    const id = randomUUID();
    const started = performance.now();
    const res = await fetch(appUrl + path, {
      method: init.method ?? (init.json === undefined ? "GET" : "POST"),
      redirect: "manual",
      headers: { cookie, "x-bench-id": id, ...(init.json === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const body = await res.text();
    const clientMs = performance.now() - started;
    return { ...(await timing(id)), clientMs, body, status: res.status };
  }

  return {
    request,
    /** A page or JSON route that must answer 200 (a redirect to sign-in or an error page is a failed run). */
    async get(path: string): Promise<Measured> {
      const r = await request(path);
      if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${r.body.slice(0, 300)}`);
      return r;
    },
    async json<T>(path: string): Promise<T> {
      const res = await fetch(appUrl + path, { headers: { cookie }, redirect: "manual" });
      if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return (await res.json()) as T;
    },
    async text(path: string): Promise<string> {
      const res = await fetch(appUrl + path, { headers: { cookie }, redirect: "manual" });
      if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return res.text();
    },
    probeStatus: async () => (await (await fetch(`${appUrl}/__bench/status`)).json()) as { wrapped: string[]; queriesSeen: number; queriesInRequests: number },
  };
}

export type AppClient = ReturnType<typeof appClient>;
