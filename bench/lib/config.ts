/**
 * Every knob of `npm run bench`, read once from the environment. Sizes default to the scale
 * (10,000 customers, 100,000 orders over a year, 50 ± 10 ms per Square call); a quick run is e.g.
 * `BENCH_CUSTOMERS=1000 BENCH_ORDERS=10000 npm run bench`.
 */
const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number (got "${raw}").`);
  return value;
};
const flag = (name: string): boolean => ["1", "true", "yes"].includes((process.env[name] ?? "").toLowerCase());

export interface BenchConfig {
  customers: number;
  orders: number;
  months: number;
  latencyMs: number;
  jitterMs: number;
  /** Measured views of each page (after warm-up). */
  runs: number;
  warmups: number;
  checkouts: number;
  freshnessWrites: number;
  /** Orders of the merged customer, spread over its profiles. */
  mergedOrders: number;
  mergedProfiles: number;
  /** Tenders the 90-day live baseline walks before extrapolating (0 or BENCH_BASELINE_FULL: all). */
  baselineTenders: number;
  searchTerm: string;
  appPort: number;
  emulatorPort: number;
  distDir: string;
  skipBuild: boolean;
  /** A PostgreSQL server to run on (a fresh database is made in it); unset: embedded PGlite. */
  databaseUrl?: string;
  writeReadme: boolean;
  resultsPath: string;
  /** Phases to take a CPU profile of the app during (BENCH_PROFILE=backfill,views,checkout,freshness). */
  profile: string[];
  /** Longest wait for the backfill to finish. */
  backfillTimeoutMs: number;
}

export function readConfig(argv: string[] = process.argv.slice(2)): BenchConfig {
  const full = flag("BENCH_BASELINE_FULL");
  return {
    customers: num("BENCH_CUSTOMERS", 10_000),
    orders: num("BENCH_ORDERS", 100_000),
    months: num("BENCH_MONTHS", 12),
    latencyMs: num("BENCH_LATENCY_MS", 50),
    jitterMs: num("BENCH_JITTER_MS", 10),
    runs: Math.max(1, num("BENCH_RUNS", 20)),
    warmups: num("BENCH_WARMUPS", 2),
    checkouts: Math.max(1, num("BENCH_CHECKOUTS", 10)),
    freshnessWrites: Math.max(1, num("BENCH_FRESHNESS_WRITES", 20)),
    mergedOrders: Math.max(3, num("BENCH_MERGED_ORDERS", 200)),
    mergedProfiles: Math.max(2, num("BENCH_MERGED_PROFILES", 3)),
    baselineTenders: full ? 0 : num("BENCH_BASELINE_TENDERS", 500),
    searchTerm: process.env.BENCH_SEARCH || "mar",
    appPort: num("BENCH_APP_PORT", 3210),
    emulatorPort: num("BENCH_EMULATOR_PORT", 4210),
    distDir: process.env.BENCH_DIST_DIR || ".next-bench",
    skipBuild: flag("BENCH_SKIP_BUILD"),
    databaseUrl: process.env.DATABASE_URL || undefined,
    writeReadme: argv.includes("--readme") || flag("BENCH_README"),
    resultsPath: process.env.BENCH_RESULTS || "bench/results.json",
    profile: (process.env.BENCH_PROFILE ?? "").split(",").map((p) => p.trim()).filter(Boolean),
    backfillTimeoutMs: num("BENCH_BACKFILL_TIMEOUT_S", 3600) * 1000,
  };
}
