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
 * runs outside requests, or after the request that woke it has answered, so it never lands on a
 * measured view; it is totalled apart.
 *
 * Plain JavaScript on purpose: no TypeScript loader is added to the server being measured.
 * `GET /__bench/requests/<id>` answers a finished request's timings (sent with `x-bench-id: <id>`);
 * `GET /__bench/status` says which drivers were wrapped, how many queries they have seen, the
 * longest event-loop stall and the database time spent outside requests since `GET /__bench/reset`. `GET /__bench/profile-start` and
 * `/__bench/profile-stop` take a CPU profile of the app (V8's sampler, answered as .cpuprofile JSON).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import inspector from "node:inspector";
import { createRequire } from "node:module";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

/** @typedef {{ started: number; cpu: NodeJS.CpuUsage; dbMs: number; queries: number; inFlight: number; busySince: number; open: boolean }} RequestTiming */

/** @type {AsyncLocalStorage<RequestTiming>} */
const requests = new AsyncLocalStorage();
/** @type {Map<string, object>} */
const finished = new Map();
const status = { wrapped: /** @type {string[]} */ ([]), queriesSeen: 0, queriesInRequests: 0 };
// How long the event loop was blocked (PGlite runs queries synchronously in WebAssembly): a
// request arriving meanwhile waits, whatever it is.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/**
 * Database work outside any request (the job runner, work a request left running): total time and
 * the statements that took most, so a phase's background load can be named. Reset with the loop.
 * @type {{ ms: number; queries: number; bySql: Map<string, { ms: number; n: number }> }}
 */
let background = { ms: 0, queries: 0, bySql: new Map() };

/** @param {RequestTiming | undefined} t @param {unknown} statement */
function begin(t, statement) {
  status.queriesSeen++;
  const started = performance.now();
  // Work that outlives its request (the job runner, once a request woke it, keeps that request's
  // context in its timers) is background work, not the request's.
  if (!t || !t.open)
    return () => {
      const ms = performance.now() - started;
      const key = describe(statement);
      const entry = background.bySql.get(key) ?? { ms: 0, n: 0 };
      background.bySql.set(key, { ms: entry.ms + ms, n: entry.n + 1 });
      background.ms += ms;
      background.queries++;
    };
  status.queriesInRequests++;
  t.queries++;
  if (t.inFlight++ === 0) t.busySince = started;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--t.inFlight === 0) t.dbMs += performance.now() - t.busySince;
  };
}

/** A statement's first words, whitespace folded (a transaction callback shows as "transaction"). */
function describe(/** @type {any} */ statement) {
  const text = typeof statement === "string" ? statement : typeof statement?.text === "string" ? statement.text : "transaction";
  return text.replace(/\s+/g, " ").trim().slice(0, 120);
}

/**
 * Wraps a driver method so its time is charged to the current request. Handles promises, pg's
 * node-style callbacks (Pool#query passes one to Client#query; `nodeCallback`) and pg's
 * event-emitting submittables. PGlite's trailing function argument is a transaction's body, not a
 * completion callback, so there only the returned promise ends the timing.
 * @param {any} proto @param {string} name @param {string} label @param {{ nodeCallback?: boolean }} [opts]
 */
function wrap(proto, name, label, opts = {}) {
  const original = proto?.[name];
  if (typeof original !== "function" || original.__benchWrapped) return;
  /** @this {unknown} @param {any[]} args */
  const wrapped = function (...args) {
    const end = begin(requests.getStore(), args[0]);
    const last = args.length - 1;
    const callback = opts.nodeCallback && typeof args[last] === "function" ? args[last] : null;
    if (callback) args[last] = /** @param {any[]} a */ (...a) => (end(), callback(...a));
    let out;
    try {
      out = original.apply(this, args);
    } catch (err) {
      end();
      throw err;
    }
    if (out && typeof out.then === "function") out.then(end, end);
    else if (out && typeof out.once === "function") (out.once("end", end), out.once("error", end));
    else if (!callback) end();
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
wrap(require("pg").Client.prototype, "query", "pg", { nodeCallback: true });

const PREFIX = "/__bench/";
const emit = http.Server.prototype.emit;
/** @this {http.Server} @param {string | symbol} event @param {any[]} rest */
http.Server.prototype.emit = function (event, ...rest) {
  if (event !== "request") return emit.call(this, event, ...rest);
  const [req, res] = /** @type {[http.IncomingMessage, http.ServerResponse]} */ (/** @type {unknown} */ (rest));
  if (req.url?.startsWith(PREFIX)) return answer(req, res), true;
  const id = req.headers["x-bench-id"];
  /** @type {RequestTiming} */
  const t = { started: performance.now(), cpu: process.cpuUsage(), dbMs: 0, queries: 0, inFlight: 0, busySince: 0, open: true };
  res.once("close", () => (t.open = false));
  if (typeof id === "string")
    res.once("finish", () => {
      t.open = false;
      const cpu = process.cpuUsage(t.cpu);
      finished.set(id, { serverMs: performance.now() - t.started, dbMs: t.dbMs, queries: t.queries, cpuMs: (cpu.user + cpu.system) / 1000, status: res.statusCode });
    });
  return requests.run(t, () => emit.call(this, event, ...rest));
};

const inspectorSession = new inspector.Session();
inspectorSession.connect();
/** @param {string} method @returns {Promise<any>} */
const inspect = (method) => new Promise((resolve, reject) => inspectorSession.post(method, (err, out) => (err ? reject(err) : resolve(out))));

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function answer(req, res) {
  const path = (req.url ?? "").slice(PREFIX.length);
  if (path === "profile-start" || path === "profile-stop") {
    const steps = path === "profile-start" ? inspect("Profiler.enable").then(() => inspect("Profiler.start")).then(() => ({ started: true })) : inspect("Profiler.stop").then((out) => out.profile);
    steps.then(
      (out) => (res.writeHead(200, { "content-type": "application/json" }), res.end(JSON.stringify(out))),
      (err) => (res.writeHead(500, { "content-type": "application/json" }), res.end(JSON.stringify({ error: String(err) }))),
    );
    return;
  }
  let body;
  if (path === "status")
    body = {
      ...status,
      eventLoop: { maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, meanMs: loop.mean / 1e6 },
      background: { ms: background.ms, queries: background.queries, top: [...background.bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5).map(([sql, v]) => ({ sql, ...v })) },
    };
  else if (path === "reset") (loop.reset(), (background = { ms: 0, queries: 0, bySql: new Map() }), (body = { reset: true }));
  else if (path.startsWith("requests/")) {
    const id = decodeURIComponent(path.slice("requests/".length));
    body = finished.get(id);
    finished.delete(id);
  }
  res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
  res.end(JSON.stringify(body ?? { error: "unknown" }));
}
