/** Runs once before all vitest files. Keeps test runs away from a developer's own data. */
export default function setup() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
}
