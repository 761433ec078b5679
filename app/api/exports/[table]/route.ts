import { getCurrentSeller } from "@/lib/auth/current-seller";
import { getDb } from "@/lib/db/client";
import { runExport } from "@/lib/reports/exports/run-export";

// CSV downloads of the history (orders, payments, report tables) for the signed-in seller, streamed.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const seller = await getCurrentSeller();
  if (!seller) return Response.json({ error: "Sign in with Square." }, { status: 401 });
  const { table } = await params;
  return runExport(await getDb(), seller, table, new URL(request.url).searchParams);
}
