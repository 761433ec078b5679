// @ts-check
/**
 * Loaded into the benchmarked `next start` process with `node --import` (bench/lib/app-server.ts),
 * never by Patron itself: Patron's code is measured unchanged.
 *
 * Why a probe and not queries re-run in the bench: with PGlite the database belongs to the app's
 * process (nobody else may open its files), and re-running queries elsewhere would time our guess of
 * what a page asks rather than what it asked. So each HTTP request runs inside an AsyncLocalStorage
 * context, and the database drivers Patron loads (PGlite's query/exec/transaction, node-postgres'
 * Client#query) are wrapped to add their time to the request that issued them. DB time is the wall
 * time during which at least one of the request's queries was in flight (parallel queries count
 * once), so it can be compared with the server time. Background work (the job runner, webhooks)
 * has no request context or its own, so it never lands on a measured view.
 *
 * Plain JavaScript on purpose: no TypeScript loader is added to the server being measured.
 * `GET /__bench/requests/<id>` answers a finished request's timings (sent with `x-bench-id: <id>`);
 * `GET /__bench/status` says which drivers were wrapped, how many queries they have seen and the
 * longest event-loop stall since `GET /__bench/loop-reset`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { createRequire } from "node:module";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

/** @typedef {{ started: number; cpu: NodeJS.CpuUsage; dbMs: number; queries: number; inFlight: number; busySince: number }} RequestTiming */

/** @type {AsyncLocalStorage<RequestTiming>} */
const requests = new AsyncLocalStorage();
/** @type {Map<string, object>} */
const finished = new Map();
const status = { wrapped: /** @type {string[]} */ ([]), queriesSeen: 0, queriesInRequests: 0 };
// How long the event loop was blocked (PGlite runs queries synchronously in WebAssembly): a
// request arriving meanwhile waits, whatever it is.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/** @param {RequestTiming | undefined} t */
function begin(t) {
  status.queriesSeen++;
  if (!t) return () => {};
  status.queriesInRequests++;
  t.queries++;
  if (t.inFlight++ === 0) t.busySince = performance.now();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--t.inFlight === 0) t.dbMs += performance.now() - t.busySince;
  };
}

/**
 * Wraps a driver method so its time is charged to the current request. Handles promises, node-style
 * callbacks (pg's Pool#query passes one to Client#query) and pg's event-emitting submittables.
 * @param {any} proto @param {string} name @param {string} label
 */
function wrap(proto, name, label) {
  const original = proto?.[name];
  if (typeof original !== "function" || original.__benchWrapped) return;
  /** @this {unknown} @param {any[]} args */
  const wrapped = function (...args) {
    const end = begin(requests.getStore());
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = /** @param {any[]} a */ (...a) => (end(), callback(...a));
    }
    let out;
    try {
      out = original.apply(this, args);
    } catch (err) {
      end();
      throw err;
    }
    if (out && typeof out.then === "function") out.then(end, end);
    else if (out && typeof out.once === "function") (out.once("end", end), out.once("error", end));
    else if (typeof args[last] !== "function") end();
    return out;
  };
  wrapped.__benchWrapped = true;
  proto[name] = wrapped;
  status.wrapped.push(`${label}#${name}`);
}

// PGlite ships separate ESM and CommonJS builds (two classes); wrap whichever the server loads.
const require = createRequire(import.meta.url);
const pgliteModules = [["pglite (cjs)", require("@electric-sql/pglite")], ["pglite (esm)", await import("@electric-sql/pglite")]];
for (const [label, mod] of pgliteModules) for (const m of ["query", "exec", "transaction"]) wrap(mod.PGlite.prototype, m, label);
wrap(require("pg").Client.prototype, "query", "pg");

const PREFIX = "/__bench/";
const emit = http.Server.prototype.emit;
/** @this {http.Server} @param {string | symbol} event @param {any[]} rest */
http.Server.prototype.emit = function (event, ...rest) {
  if (event !== "request") return emit.call(this, event, ...rest);
  const [req, res] = /** @type {[http.IncomingMessage, http.ServerResponse]} */ (/** @type {unknown} */ (rest));
  if (req.url?.startsWith(PREFIX)) return answer(req, res), true;
  const id = req.headers["x-bench-id"];
  /** @type {RequestTiming} */
  const t = { started: performance.now(), cpu: process.cpuUsage(), dbMs: 0, queries: 0, inFlight: 0, busySince: 0 };
  if (typeof id === "string")
    res.once("finish", () => {
      const cpu = process.cpuUsage(t.cpu);
      finished.set(id, { serverMs: performance.now() - t.started, dbMs: t.dbMs, queries: t.queries, cpuMs: (cpu.user + cpu.system) / 1000, status: res.statusCode });
    });
  return requests.run(t, () => emit.call(this, event, ...rest));
};

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function answer(req, res) {
  const path = (req.url ?? "").slice(PREFIX.length);
  let body;
  if (path === "status") body = { ...status, eventLoop: { maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, meanMs: loop.mean / 1e6 } };
  else if (path === "loop-reset") (loop.reset(), (body = { reset: true }));
  else if (path.startsWith("requests/")) {
    const id = decodeURIComponent(path.slice("requests/".length));
    body = finished.get(id);
    finished.delete(id);
  }
  res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
  res.end(JSON.stringify(body ?? { error: "unknown" }));
}
