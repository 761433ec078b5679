import fs from "node:fs";
import path from "node:path";

/** The parts of V8's .cpuprofile format the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** CPU time sampled (idle time and the probe's own work left out). */
  busyMs: number;
  /** Self time per function, largest first; shares are of busyMs. */
  top: { fn: string; ms: number; share: number }[];
}

/**
 * Runs `work` with the app's CPU being sampled (bench/lib/app-probe.mjs), saves the profile under
 * bench/out/ (open it in Chrome DevTools or speedscope) and prints where the time went. Only for the
 * phases named in BENCH_PROFILE: the sampler costs the app a little CPU.
 */
export async function withProfile<T>(appUrl: string, phase: string, enabled: boolean, work: () => Promise<T>): Promise<{ result: T; profile?: ProfileSummary }> {
  if (!enabled) return { result: await work() };
  await (await fetch(`${appUrl}/__bench/profile-start`)).arrayBuffer();
  const result = await work();
  const profile = (await (await fetch(`${appUrl}/__bench/profile-stop`)).json()) as CpuProfile;
  const file = path.resolve(__dirname, `../out/${phase}.cpuprofile`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(profile));
  const summary = summarize(profile, path.relative(process.cwd(), file));
  console.log(`  CPU profile of the app during ${phase}: ${summary.file} (${Math.round(summary.busyMs)} ms of CPU); most self time:`);
  for (const t of summary.top.slice(0, 12)) console.log(`    ${t.ms.toFixed(0).padStart(7)} ms ${(t.share * 100).toFixed(1).padStart(5)} %  ${t.fn}`);
  return { result, profile: summary };
}

export function summarize(profile: CpuProfile, file: string): ProfileSummary {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The probe's own work (stopping the profiler serializes the profile) is not the app's.
  const probes = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byNode.get(at)?.callFrame.url.endsWith("app-probe.mjs")) return true;
    return false;
  };
  const selfUs = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    if (!frame || frame.functionName === "(idle)" || probes(id)) return;
    busy += us;
    // PGlite's engine is one WebAssembly module: its functions have no names worth listing apart.
    const key = frame.url.startsWith("wasm://")
      ? "PGlite (PostgreSQL in WebAssembly)"
      : `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*\/(node_modules|\.next[^/]*)\//, "$1/")}:${frame.lineNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + us);
  });
  const top = [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([fn, us]) => ({ fn, ms: us / 1000, share: busy ? us / busy : 0 }));
  return { file, busyMs: busy / 1000, top };
}
