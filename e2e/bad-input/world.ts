import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { writesIn } from "../../test/square-writes";
import { signInWithSquare } from "../fixtures";
import { createCustomer, createSeller, type LocalSeller } from "../support/local-square";
import { E2E } from "../support/servers";

/** A signed-in seller with customers, a card on file and checkout links, and another seller's real ids. */
export interface World {
  seller: LocalSeller;
  request: APIRequestContext;
  customerId: string;
  otherCustomerId: string;
  cardId: string;
  links: { fixed: string; open: string };
  victim: { merchantId: string; locationId: string; customerId: string; cardId: string; linkId: string; token: string };
}

async function square<T>(token: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(E2E.emulatorUrl + path, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const cardFor = async (seller: LocalSeller, customerId: string) =>
  (await square<{ card: { id: string } }>(seller.accessToken, "/v2/cards", { idempotency_key: randomUUID(), source_id: "cnon:card-nonce-ok", card: { customer_id: customerId } })).card.id;

/** Signs the seller in, optionally waits for the first backfill, and reads their demo checkout links' ids. */
async function signedIn(browser: Browser, seller: LocalSeller, synced: boolean): Promise<{ context: BrowserContext; links: { fixed: string; open: string } }> {
  const context = await browser.newContext({ baseURL: E2E.appUrl });
  const page = await context.newPage();
  await signInWithSquare(page, seller.businessName);
  if (synced) await expect.poll(async () => (await (await context.request.get("/api/sync/status")).json()).state, { timeout: 120_000, intervals: [250, 500, 1000] }).toBe("synced");
  const html = await (await context.request.get("/checkout-links")).text();
  const id = (title: string) => new RegExp(`${title}[\\s\\S]*?/pay/([A-Za-z0-9_-]+)`).exec(html)?.[1] ?? "";
  await page.close();
  return { context, links: { fixed: id("Morning coffee &amp; pastry"), open: id("Pay what you like") } };
}

export async function buildWorld(browser: Browser): Promise<{ world: World; contexts: BrowserContext[] }> {
  const seller = await createSeller("E2E Hostile");
  const [own, other] = [await createCustomer(seller, "Hostada", "Input"), await createCustomer(seller, "Hostgrace", "Input")];
  const cardId = await cardFor(seller, own.id);
  const victim = await createSeller("E2E Bystander");
  const victimCustomer = await createCustomer(victim, "Bystanda", "Victim");
  const victimCard = await cardFor(victim, victimCustomer.id);
  // The other seller only needs their checkout links made; the cases use their ids, never their mirror.
  const theirs = await signedIn(browser, victim, false);
  const mine = await signedIn(browser, seller, true);
  for (const id of [mine.links.fixed, mine.links.open, theirs.links.fixed]) expect(id, "demo checkout links").toMatch(/^demo_/);
  return {
    contexts: [mine.context, theirs.context],
    world: {
      seller,
      request: mine.context.request,
      customerId: own.id,
      otherCustomerId: other.id,
      cardId,
      links: mine.links,
      victim: { merchantId: victim.merchantId, locationId: victim.locationId, customerId: victimCustomer.id, cardId: victimCard, linkId: theirs.links.fixed, token: victim.accessToken },
    },
  };
}

/** Both sellers' write counts at the local Square start from zero. */
export async function resetWrites(w: World) {
  for (const token of [w.seller.accessToken, w.victim.token]) await fetch(`${E2E.emulatorUrl}/_emulator/stats/reset`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
}

/** Writes either seller made at the local Square since the last reset. */
export async function writesSinceReset(w: World): Promise<Record<string, Record<string, number>>> {
  const read = async (token: string) => writesIn(((await (await fetch(`${E2E.emulatorUrl}/_emulator/stats`, { headers: { authorization: `Bearer ${token}` } })).json()) as { calls: Record<string, number> }).calls);
  return { seller: await read(w.seller.accessToken), victim: await read(w.victim.token) };
}

/** What Patron shows the seller that a write would change: the customer directory (mirror and stats) and the checkout links. */
export async function appState(w: World): Promise<{ customers: unknown; links: string[] }> {
  const customers = await (await w.request.get("/api/customers?sort=created")).json();
  const html = await (await w.request.get("/checkout-links")).text();
  const links = [...html.matchAll(/\/pay\/([A-Za-z0-9_-]+)|Inactive/g)].map((m) => m[1] ?? "Inactive");
  return { customers, links };
}
