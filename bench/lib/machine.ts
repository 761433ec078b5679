import { execFileSync } from "node:child_process";
import os from "node:os";

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** 1, 5 and 15-minute load averages when the run started and when it ended. */
  loadAtStart: number[];
  loadAtEnd?: number[];
  engine: string;
  commit: string;
  startedAt: string;
}

// BENCH_COMMIT names the code when the bench runs from an export of a commit (no .git there).
const commit = () => {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim() ? " (with uncommitted changes)" : "";
    return sha + dirty;
  } catch {
    return "unknown";
  }
};

const load = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

export function machineInfo(engine: string): MachineInfo {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAtStart: load(),
    engine,
    commit: commit(),
    startedAt: new Date().toISOString(),
  };
}

export const finishMachineInfo = (m: MachineInfo): MachineInfo => ({ ...m, loadAtEnd: load() });
