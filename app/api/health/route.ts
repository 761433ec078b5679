// Liveness for scripts/dev.ts and scripts/start.ts: answers once the server takes requests. No data.
export function GET() {
  return Response.json({ status: "ok" });
}
