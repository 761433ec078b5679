import { squareCall } from "./http";
import type { BuyerResult } from "./buyers";
import type { LoadSeller } from "./sellers";

interface WirePayment {
  id: string;
  status: string;
  order_id?: string;
  reference_id?: string;
}
interface WireOrder {
  id: string;
  state: string;
  reference_id?: string;
  customer_id?: string;
}

/** Everything the local Square holds for these sellers, paged through. */
async function squareRecords(emulatorUrl: string, seller: LoadSeller) {
  const payments: WirePayment[] = [];
  let cursor: string | undefined;
  do {
    const page: { payments?: WirePayment[]; cursor?: string } = await squareCall(
      emulatorUrl,
      `/v2/payments?location_id=${seller.locationId}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { token: seller.accessToken },
    );
    payments.push(...(page.payments ?? []));
    cursor = page.cursor;
  } while (cursor);
  const orders: WireOrder[] = [];
  cursor = undefined;
  do {
    const page: { orders?: WireOrder[]; cursor?: string } = await squareCall(emulatorUrl, "/v2/orders/search", {
      token: seller.accessToken,
      body: { location_ids: [seller.locationId], limit: 500, ...(cursor ? { cursor } : {}) },
    });
    orders.push(...(page.orders ?? []));
    cursor = page.cursor;
  } while (cursor);
  return { payments, orders };
}

/**
 * Square's own record of every attempt, by the reference id the checkout puts on its order and
 * payment: exactly one order, linked to a customer; exactly one completed payment for that order when
 * the buyer got a receipt (and it is the receipt's), none when every card was declined.
 */
export async function verifyAtSquare(emulatorUrl: string, sellers: LoadSeller[], buyers: BuyerResult[]): Promise<string[]> {
  const problems: string[] = [];
  for (const seller of sellers) {
    const { payments, orders } = await squareRecords(emulatorUrl, seller);
    const mine = buyers.filter((b) => b.linkId === seller.linkId);
    const attempts = new Set(mine.map((b) => b.attemptId));
    for (const p of payments) if (p.status === "COMPLETED" && !attempts.has(p.reference_id ?? "")) problems.push(`payment ${p.id} belongs to no attempt`);
    for (const buyer of mine) {
      const paid = buyer.outcomes.find((o) => o.ok);
      const ordersOf = orders.filter((o) => o.reference_id === buyer.attemptId);
      const completed = payments.filter((p) => p.reference_id === buyer.attemptId && p.status === "COMPLETED");
      const label = `attempt ${buyer.attemptId} (${buyer.kind})`;
      if (ordersOf.length !== 1) problems.push(`${label}: ${ordersOf.length} orders`);
      else if (!ordersOf[0].customer_id) problems.push(`${label}: its order has no customer`);
      if (completed.length !== (paid ? 1 : 0)) problems.push(`${label}: ${completed.length} completed payments`);
      if (paid && completed[0] && (completed[0].id !== paid.receipt?.paymentId || completed[0].order_id !== ordersOf[0]?.id))
        problems.push(`${label}: the receipt names ${paid.receipt?.paymentId}, Square has ${completed[0].id}`);
    }
  }
  return problems;
}
