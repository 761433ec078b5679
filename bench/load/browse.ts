import type { LoadSeller } from "./sellers";

export interface PageView {
  page: string;
  ms: number;
  status: number;
}

export interface BrowseResult {
  merchantId: string;
  views: PageView[];
  errors: string[];
}

/** The dashboard a seller clicks through, each read from the mirror (customer page, JSON search included). */
export function dashboardPages(seller: LoadSeller): [string, string][] {
  return [
    ["overview", "/overview"],
    ["customers", "/customers"],
    ["customer search (JSON)", "/api/customers?q=a"],
    ["customer page", `/customers/${seller.customerId}`],
    ["orders", "/orders"],
    ["payments", "/payments"],
    ["reports", "/reports"],
    ["checkout links", "/checkout-links"],
  ];
}

// A server component that failed mid-stream still answers 200; its error boundary's digest gives it away.
const STREAMED_ERROR = /data-dgst=|\$RX\(/;

/** One seller going through every dashboard page `rounds` times, reading each answer to its end. */
export async function browseDashboard(seller: LoadSeller, rounds: number): Promise<BrowseResult> {
  const result: BrowseResult = { merchantId: seller.merchantId, views: [], errors: [] };
  for (let round = 0; round < rounds; round++)
    for (const [page, path] of dashboardPages(seller)) {
      const started = performance.now();
      try {
        const res = await seller.session.get(path);
        const body = await res.text();
        result.views.push({ page, ms: performance.now() - started, status: res.status });
        if (res.status !== 200) result.errors.push(`${path} answered ${res.status}`);
        else if (STREAMED_ERROR.test(body)) result.errors.push(`${path} streamed an error`);
      } catch (err) {
        result.errors.push(`${path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  return result;
}
