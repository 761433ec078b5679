import "server-only";
import type { JobRunner } from "./runner";

declare global {
  // One runner per server process, kept across Next's dev reloads (like the database handle).
  var __patronJobRunner: JobRunner | undefined;
}

export const currentJobRunner = (): JobRunner | undefined => globalThis.__patronJobRunner;

export function registerJobRunner(runner: JobRunner): void {
  globalThis.__patronJobRunner = runner;
}

/** Wakes this process's runner: work was just queued (a webhook, a resync). No-op where none runs (tests, scripts). */
export function pokeJobRunner(): void {
  globalThis.__patronJobRunner?.poke();
}
