import fs from "node:fs";

/** Nearest-rank percentile of a list of milliseconds (0 for an empty list). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Timing {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function timing(values: number[]): Timing {
  const round = (n: number) => Math.round(n);
  return { count: values.length, p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), max: round(Math.max(0, ...values)) };
}

/** CPU seconds a process and all its descendants have used so far, from /proc (Linux); null elsewhere. */
export function cpuSeconds(pid: number): number | null {
  const procs = new Map<number, { ppid: number; ticks: number }>();
  try {
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // ppid is field 4, utime and stime fields 14 and 15 (clock ticks, 100 a second on Linux).
        procs.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // Gone meanwhile.
      }
    }
  } catch {
    return null;
  }
  if (!procs.has(pid)) return null;
  let ticks = 0;
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, info] of procs) if (!tree.has(p) && tree.has(info.ppid)) tree.add(p), (grew = true);
  }
  for (const p of tree) ticks += procs.get(p)!.ticks;
  return ticks / 100;
}
