import { getCurrentSeller } from "@/lib/auth/current-seller";
import { getDb } from "@/lib/db/client";
import { getSyncStatus } from "@/lib/db/queries/sync";

// The signed-in seller's mirror freshness and backfill progress, polled by the dashboard's sync widgets.
export const dynamic = "force-dynamic";

export async function GET() {
  const seller = await getCurrentSeller();
  if (!seller) return Response.json({ error: "Sign in with Square." }, { status: 401 });
  return Response.json(await getSyncStatus(await getDb(), { merchantId: seller.merchantId }));
}
