import { ACTION_CASES } from "./action-cases";
import { ROUTE_CASES } from "./route-cases";
import type { BadInputCase } from "./types";

/**
 * The hostile-input table for Patron's HTTP surface: every route handler method and server action
 * (keys from e2e/isolation/surface.ts; a new one without cases fails bad-input.spec.ts). The deep
 * tables for the actions' cores are lib/customers/bad-input.test.ts and lib/checkout/bad-input.test.ts;
 * these prove each door reaches that validation and answers with a clear error and no write.
 */

export const BAD_INPUT_CASES: Record<string, BadInputCase> = { ...ACTION_CASES, ...ROUTE_CASES };
