import type { World } from "./world";

// The shapes of the bad-input table (e2e/bad-input/cases.ts).

/** An action's answer: a failure with this code (and an error on this field saying this), or ok. */
export type ActionExpected = { code: string; field?: string; says?: RegExp } | { ok: true; says?: RegExp };

export interface ActionAttempt {
  what: string;
  args: unknown[];
  expected: ActionExpected;
}

export interface RouteAttempt {
  what: string;
  method?: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** The status, and what the answer must say (the field's name and why), as "location: <redirect>\n<body>". */
  expected: { status: number; says?: RegExp };
}

export type BadInputCase =
  | { kind: "action"; attempts: (w: World) => ActionAttempt[]; /** Why it has no input to check; it still gets the generic attempts. */ noInput?: string }
  | { kind: "route"; attempts: (w: World) => RouteAttempt[]; /** Checks once the attempts are made (e.g. that nothing queued ran later). */ afterwards?: (w: World) => Promise<void> };

export const HUGE = "x".repeat(100_000);
