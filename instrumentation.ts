// Runs once when the server starts (see lib/startup.ts). Only the Node runtime opens the database
// and runs the mirror's background jobs (lib/sync/jobs).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startUp } = await import("./lib/startup");
    await startUp();
    const { startAppJobRunner } = await import("./lib/sync/jobs/app-runner");
    await startAppJobRunner();
  }
}
