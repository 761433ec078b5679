import { getCurrentSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { getDirectoryPage } from "@/lib/customers/directory";
import { parseDirectoryQuery } from "@/lib/customers/directory-query";
import { getDb } from "@/lib/db/client";

// The directory's search-as-you-type: one page of the signed-in seller's customers from the mirror, as JSON.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const seller = await getCurrentSeller();
  if (!seller) return Response.json({ error: "Sign in with Square." }, { status: 401 });
  if (!hasScope(seller, "CUSTOMERS_READ")) return Response.json({ error: "Patron needs your permission to see your customers (CUSTOMERS_READ)." }, { status: 403 });
  const page = await getDirectoryPage(await getDb(), seller.merchantId, parseDirectoryQuery(new URL(request.url).searchParams));
  return Response.json(page, { headers: { "cache-control": "no-store" } });
}
