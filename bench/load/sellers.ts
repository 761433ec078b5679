import { randomUUID } from "node:crypto";
import { squareCall } from "./http";
import { signInSeller, untilSynced, type SellerSession } from "./sign-in";

/** A seller of the load run: at the local Square, signed in to Patron, with a checkout link. */
export interface LoadSeller {
  merchantId: string;
  locationId: string;
  accessToken: string;
  session: SellerSession;
  linkId: string;
  /** A customer of theirs, for the customer page. */
  customerId: string;
}

/**
 * A fresh seller with a few customers, signed in and synced; their checkout links page makes the
 * demo links (local mode), and the first one is what buyers pay through.
 */
export async function prepareSeller(appUrl: string, emulatorUrl: string, index: number): Promise<LoadSeller> {
  const tag = randomUUID().slice(0, 6);
  const s = await squareCall<Record<string, string>>(emulatorUrl, "/_emulator/merchants", { body: { business_name: `Load Shop ${index + 1} ${tag}` } });
  const token = s.access_token;
  let customerId = "";
  for (const name of ["Ada", "Grace", "Katherine"]) {
    const { customer } = await squareCall<{ customer: { id: string } }>(emulatorUrl, "/v2/customers", {
      token,
      body: { idempotency_key: randomUUID(), given_name: name, family_name: `Load${index}`, email_address: `${name.toLowerCase()}.${tag}@example.com` },
    });
    customerId ||= customer.id;
  }
  const session = await signInSeller(appUrl, emulatorUrl, s.merchant_id);
  await untilSynced(session);
  const linkId = await fixedPriceLink(appUrl, session);
  return { merchantId: s.merchant_id, locationId: s.location_id, accessToken: token, session, linkId, customerId };
}

/** The first link of the seller's Checkout links page with fixed items (the buyer then sends no amount). */
async function fixedPriceLink(appUrl: string, session: SellerSession): Promise<string> {
  const page = await (await session.get("/checkout-links")).text();
  for (const id of new Set([...page.matchAll(/\/pay\/([A-Za-z0-9_-]{8,64})/g)].map((m) => m[1]))) {
    const { link } = (await (await fetch(`${appUrl}/api/pay/${id}`)).json()) as { link?: { pricing: string } };
    if (link?.pricing === "items") return id;
  }
  throw new Error(`No fixed-price checkout link on ${session.merchantId}'s Checkout links page.`);
}

/** The latency every Square call of this seller gets (POST /_emulator/faults). */
export async function setLatency(emulatorUrl: string, seller: LoadSeller, latencyMs: number, jitterMs: number): Promise<void> {
  await squareCall(emulatorUrl, "/_emulator/faults", { token: seller.accessToken, body: latencyMs || jitterMs ? { latency_ms: latencyMs, jitter_ms: jitterMs } : {} });
}
