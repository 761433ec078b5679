// Runs once when the server starts (see lib/startup.ts). Only the Node runtime opens the database.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startUp } = await import("./lib/startup");
    await startUp();
  }
}
