import { getCurrentSeller } from "@/lib/auth/current-seller";
import { hasScope } from "@/lib/auth/scopes";
import { csvStream } from "@/lib/csv/stream";
import { DIRECTORY_CSV_COLUMNS, directoryCsvRows } from "@/lib/customers/directory";
import { parseDirectoryQuery } from "@/lib/customers/directory-query";
import { getDb } from "@/lib/db/client";

// The directory's current result (search and sort, every page) as a CSV download, streamed from the mirror.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const seller = await getCurrentSeller();
  if (!seller) return Response.json({ error: "Sign in with Square." }, { status: 401 });
  if (!hasScope(seller, "CUSTOMERS_READ")) return Response.json({ error: "Patron needs your permission to see your customers (CUSTOMERS_READ)." }, { status: 403 });
  const query = parseDirectoryQuery(new URL(request.url).searchParams);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csvStream(DIRECTORY_CSV_COLUMNS, directoryCsvRows(await getDb(), seller.merchantId, query)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="patron-customers-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
