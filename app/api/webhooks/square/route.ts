import { appSyncDeps } from "@/lib/sync/app-deps";
import { pokeJobRunner } from "@/lib/sync/jobs/registry";
import { receiveSquareWebhook } from "@/lib/sync/webhooks/receive";

// Square's signed event notifications: verify, store, queue, answer at once (lib/sync/webhooks/receive.ts).
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const deps = await appSyncDeps();
  return receiveSquareWebhook({ db: deps.db, webhooks: deps.webhooks, onQueued: pokeJobRunner }, request);
}
