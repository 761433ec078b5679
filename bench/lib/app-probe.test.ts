import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A stand-in for the app: an HTTP server on PGlite with the probe preloaded exactly as the bench
// loads it, plus queries running outside any request all the time (like the job runner).
const SERVER = `
import http from "node:http";
import { PGlite } from "@electric-sql/pglite";
const db = new PGlite();
await db.waitReady;
setInterval(() => void db.query("select count(*) from generate_series(1, 5000)"), 10);
const server = http.createServer(async (req, res) => {
  if (req.url === "/db") {
    await db.query("select count(*) from generate_series(1, 300000)");
    await Promise.all([db.query("select 1"), db.exec("select 2")]);
    await db.transaction(async (tx) => { await tx.query("select 3"); });
  }
  if (req.url === "/tx") await db.transaction(async (tx) => { await tx.query("select count(*) from generate_series(1, 1000000)"); });
  res.end("ok");
});
server.listen(0, "127.0.0.1", () => process.send(server.address().port));
`;

const ROOT = path.resolve(__dirname, "../..");
let child: ChildProcess;
let base: string;

beforeAll(async () => {
  child = spawn(process.execPath, ["--import", path.join(ROOT, "bench/lib/app-probe.mjs"), "--input-type=module", "-e", SERVER], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve(Number(m)));
    child.once("exit", (code) => reject(new Error(`the probed server exited (${code})`)));
  });
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  child?.kill();
});

async function timed(pathname: string, id: string) {
  await (await fetch(base + pathname, { headers: { "x-bench-id": id } })).text();
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${base}/__bench/requests/${id}`);
    if (res.ok) return (await res.json()) as { serverMs: number; dbMs: number; queries: number; cpuMs: number; status: number };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no timing for ${id}`);
}

describe("the bench's app probe", () => {
  it("wraps both of PGlite's builds and node-postgres, and watches the event loop", async () => {
    const status = (await (await fetch(`${base}/__bench/status`)).json()) as { wrapped: string[]; eventLoop: { maxMs: number } };
    expect(status.wrapped).toEqual(expect.arrayContaining(["pglite (esm)#query", "pglite (cjs)#query", "pglite (esm)#transaction", "pg#query"]));
    expect(status.eventLoop.maxMs).toBeGreaterThan(0);
  });

  it("charges a request with its own queries only, overlapping ones once", async () => {
    const withDb = await timed("/db", "with-db");
    expect(withDb).toMatchObject({ queries: 4, status: 200 });
    expect(withDb.dbMs).toBeGreaterThan(0);
    expect(withDb.dbMs).toBeLessThanOrEqual(withDb.serverMs);

    // Background queries keep running meanwhile; none of them lands on this request.
    const plain = await timed("/plain", "plain");
    expect(plain).toMatchObject({ queries: 0, dbMs: 0, status: 200 });
  });

  it("charges a transaction until it commits, not until its body starts", async () => {
    const tx = await timed("/tx", "tx");
    expect(tx.queries).toBe(1);
    // The transaction is all the handler does: nearly all of the server time is database time.
    expect(tx.dbMs).toBeGreaterThan(tx.serverMs * 0.5);
  });

  it("counts database work outside requests apart, by statement, until reset", async () => {
    const status = async () => (await (await fetch(`${base}/__bench/status`)).json()) as { background: { ms: number; queries: number; top: { sql: string }[] } };
    const before = await status();
    expect(before.background.queries).toBeGreaterThan(0);
    expect(before.background.top.map((t) => t.sql)).toContain("select count(*) from generate_series(1, 5000)");
    await fetch(`${base}/__bench/reset`);
    expect((await status()).background.queries).toBeLessThan(before.background.queries);
  });

  it("hands each timing out once, and answers 404 for unknown ids", async () => {
    await timed("/plain", "once");
    expect((await fetch(`${base}/__bench/requests/once`)).status).toBe(404);
  });
});
