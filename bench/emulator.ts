/**
 * `npm run bench:emulator [-- <scenario name filter>]` — a benchmark, not a test.
 *
 * Starts the local Square in memory, loads data straight through the domain functions, then
 * drives each scenario over HTTP from a child process (so the load generator does not share the
 * server's event loop) and prints requests/s, latency percentiles, and the server's CPU time per
 * request (which, unlike requests/s, does not depend on what else the machine is busy with). To add a scenario (for
 * example CreatePayment), append to SCENARIOS: `setup` loads what it needs and returns the
 * requests to cycle through; `%SEQ%` in a body becomes a unique number per request (idempotency keys).
 *
 * Knobs: BENCH_DURATION_MS (default 5000), BENCH_WARMUP_MS (1000), BENCH_CONCURRENCY (16).
 */
import { spawn } from "node:child_process";
import { testConfig } from "../emulator/src/config";
import type { EmulatorContext } from "../emulator/src/context";
import { createCustomer } from "../emulator/src/domain/customers";
import { createSeller, type SellerCredentials } from "../emulator/src/domain/sellers";
import { startEmulator } from "../emulator/src/server";

interface BenchRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  body?: string;
}

interface Scenario {
  name: string;
  setup(ctx: EmulatorContext, seller: SellerCredentials): BenchRequest[] | Promise<BenchRequest[]>;
}

interface Result {
  /** Requests started in the measured window (after warm-up), and all requests sent. */
  count: number;
  total: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

const CUSTOMERS = 10_000;
const FIRST = ["Ada", "Alan", "Grace", "Linus", "Margaret", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim", "Hedy", "John", "Katherine", "Dennis", "Anita", "Guido", "Sophie", "Bjarne"];
const LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Lee", "Lamarr", "Backus", "Johnson", "Ritchie", "Borg", "Rossum", "Wilson", "Stroustrup"];
const DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "example.com", "icloud.com"];
const AREAS = ["206", "212", "303", "312", "415", "512", "617", "702", "808", "917"];

/** A small deterministic generator, so runs are comparable. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const searchCustomers: Scenario = {
  name: `SearchCustomers over ${CUSTOMERS.toLocaleString("en-US")} customers (exact email, fuzzy name/email, phone)`,
  setup(ctx, seller) {
    const rand = random(42);
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
    const people: { email: string; first: string; last: string; e164: string }[] = [];
    const yearAgo = ctx.clock.nowMs() - 365 * 24 * 3600 * 1000;
    ctx.store.bulk(() => {
      for (let i = 0; i < CUSTOMERS; i++) {
        const [first, last] = [pick(FIRST), pick(LAST)];
        const email = `${first}.${last}${i}@${pick(DOMAINS)}`.toLowerCase();
        const [area, exchange, line] = [pick(AREAS), String(200 + Math.floor(rand() * 300)), String(i).padStart(4, "0")];
        const phone = [`+1 (${area}) ${exchange}-${line}`, `+1${area}${exchange}${line}`, `${area}-${exchange}-${line}`][i % 3];
        createCustomer(ctx, seller.merchantId, { givenName: first, familyName: last, emailAddress: email, phoneNumber: phone }, {
          createdAt: new Date(yearAgo + i * 3000).toISOString(),
        });
        people.push({ email, first, last, e164: `+1${area}${exchange}${line}` });
      }
    });
    const filters = [
      (p: (typeof people)[number]) => ({ email_address: { exact: p.email.toUpperCase() } }),
      (p: (typeof people)[number]) => ({ email_address: { fuzzy: `${p.first} ${p.last.slice(0, 4)}` } }),
      (p: (typeof people)[number]) => ({ phone_number: { exact: p.e164 } }),
      (p: (typeof people)[number]) => ({ phone_number: { fuzzy: p.e164.slice(-4) } }),
    ];
    return Array.from({ length: 2000 }, (_, i) => ({
      method: "POST" as const,
      path: "/v2/customers/search",
      body: JSON.stringify({ limit: 20, query: { filter: filters[i % filters.length](pick(people)) } }),
    }));
  },
};

const createPayment: Scenario = {
  name: "CreatePayment with a card token (own order, tender, late assignment by email)",
  setup(ctx, seller) {
    // The buyer's email belongs to an existing profile, so late assignment matches it rather than
    // minting a new instant profile per request.
    createCustomer(ctx, seller.merchantId, { givenName: "Bench", emailAddress: "bench.buyer@example.com" });
    const body = { source_id: "cnon:card-nonce-ok", idempotency_key: "bench-%SEQ%", amount_money: { amount: 1250, currency: "USD" }, buyer_email_address: "bench.buyer@example.com" };
    return [{ method: "POST" as const, path: "/v2/payments", body: JSON.stringify(body) }];
  },
};

/** Named scenarios, run in order. */
const SCENARIOS: Scenario[] = [searchCustomers, createPayment];

// The load generator: plain CommonJS run with `node -e`; settings come over IPC, and it reports
// when the measured window opens (after warm-up) and its result when done.
const LOAD = `
process.once("message", async (w) => {
  const latencies = []; let count = 0, total = 0, errors = 0, last = 0, seq = 0;
  const from = performance.now() + w.warmupMs, until = from + w.durationMs;
  setTimeout(() => process.send("measuring"), w.warmupMs);
  await Promise.all(Array.from({ length: w.concurrency }, async (_, lane) => {
    for (let i = lane; performance.now() < until; i += w.concurrency) {
      const r = w.requests[i % w.requests.length];
      const t0 = performance.now();
      const res = await fetch(w.url + r.path, { method: r.method, headers: { authorization: "Bearer " + w.token, "content-type": "application/json" }, body: r.body && r.body.replaceAll("%SEQ%", String(seq++)) });
      await res.arrayBuffer();
      const t1 = performance.now();
      total++;
      if (t0 >= from) { count++; latencies.push(t1 - t0); if (!res.ok) errors++; last = Math.max(last, t1); }
    }
  }));
  process.send({ count, total, errors, latencies, seconds: (last - from) / 1000 }, () => process.exit(0));
});
`;

/** Runs the load; `cpuMs` is this (server) process's CPU time during the measured window. */
function drive(url: string, token: string, requests: BenchRequest[]): Promise<Result & { cpuMs: number }> {
  const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  const settings = {
    url,
    token,
    requests,
    durationMs: env("BENCH_DURATION_MS", 5000),
    warmupMs: env("BENCH_WARMUP_MS", 1000),
    concurrency: env("BENCH_CONCURRENCY", 16),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", LOAD], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let cpuBefore = process.cpuUsage();
    child.on("message", (message: "measuring" | Result) => {
      if (message === "measuring") cpuBefore = process.cpuUsage();
      else {
        const cpu = process.cpuUsage(cpuBefore);
        resolve({ ...message, cpuMs: (cpu.user + cpu.system) / 1000 });
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
    child.send(settings);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  const filter = process.argv[2]?.toLowerCase();
  const emulator = await startEmulator(testConfig({ dataDir: "memory", port: 0 }));
  const rows: string[][] = [];
  try {
    for (const scenario of SCENARIOS.filter((s) => !filter || s.name.toLowerCase().includes(filter))) {
      const seller = createSeller(emulator.ctx, { businessName: `Bench ${scenario.name.slice(0, 20)}` });
      const loadStart = performance.now();
      const requests = await scenario.setup(emulator.ctx, seller);
      console.log(`${scenario.name}: set up in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
      const result = await drive(emulator.url, seller.accessToken, requests);
      const cpuMsPerRequest = result.cpuMs / result.count;
      const sorted = result.latencies.sort((a, b) => a - b);
      rows.push([
        scenario.name,
        String(result.count),
        (result.count / result.seconds).toFixed(0),
        ...[50, 95, 99].map((p) => percentile(sorted, p).toFixed(1)),
        cpuMsPerRequest.toFixed(3),
        (1000 / cpuMsPerRequest).toFixed(0),
        String(result.errors),
      ]);
    }
  } finally {
    await emulator.stop();
  }
  printTable(["Scenario", "Requests", "Req/s", "p50 ms", "p95 ms", "p99 ms", "Server CPU ms/req", "Req/s per core", "Errors"], rows);
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log([line(header), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|")}|`, ...rows.map(line)].join("\n"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
