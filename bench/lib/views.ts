import type { AppClient, Measured } from "./app-client";
import { spread, type Spread } from "./percentiles";
import type { SquareAdmin } from "./square-admin";

export interface ViewResult {
  name: string;
  path: string;
  /** What the view showed, for the reader to judge the work done (e.g. "25 rows"). */
  detail: string;
  serverMs: Spread;
  dbMs: Spread;
  cpuMs: Spread;
  clientMs: Spread;
  queries: number;
  squareCallsPerView: number;
  calls: Record<string, number>;
}

/**
 * Times one view: warm-ups first (route code loads, caches fill), then `runs` sequential requests,
 * each timed inside the app by the probe (server, database and CPU time) and at the bench. Square
 * calls are the seller's count over the measured runs, divided by the runs; nothing else calls
 * Square meanwhile (the bench is idle and periodic reconciliation is pushed out).
 */
export async function measureView(
  app: AppClient,
  admin: SquareAdmin,
  view: { name: string; path: string; detail?: (first: Measured) => string; expect?: string },
  opts: { runs: number; warmups: number },
): Promise<ViewResult> {
  let first: Measured | undefined;
  for (let i = 0; i < opts.warmups; i++) first ??= await app.get(view.path);
  await admin.resetStats();
  const samples: Measured[] = [];
  for (let i = 0; i < opts.runs; i++) samples.push(checked(view, await app.get(view.path)));
  const counts = await admin.stats();
  first ??= samples[0];
  const pick = (k: "serverMs" | "dbMs" | "cpuMs" | "clientMs") => spread(samples.map((s) => s[k]));
  return {
    name: view.name,
    path: view.path,
    detail: view.detail ? view.detail(first) : "",
    serverMs: pick("serverMs"),
    dbMs: pick("dbMs"),
    cpuMs: pick("cpuMs"),
    clientMs: pick("clientMs"),
    queries: spread(samples.map((s) => s.queries)).p50,
    squareCallsPerView: counts.total / opts.runs,
    calls: counts.calls,
  };
}

/**
 * A fast error page is no result: every response must show what the view is for, and no streamed
 * section may have failed (React marks a server error inside a Suspense boundary with data-dgst).
 */
function checked(view: { name: string; expect?: string }, r: Measured): Measured {
  if (r.body.includes("data-dgst=")) throw new Error(`${view.name}: a streamed section failed on the server (data-dgst in the page).`);
  if (view.expect && !r.body.includes(view.expect)) throw new Error(`${view.name}: the response does not contain "${view.expect}".`);
  return r;
}
