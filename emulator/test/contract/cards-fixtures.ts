import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SquareError, type Square } from "square";
import { expect } from "vitest";
import { tables } from "../../src/domain/tables";
import type { TokenResult } from "../../src/web-sdk/tokenize";
import type { TestEmulator, TestSeller } from "../harness";

interface TokenizeReply {
  result?: TokenResult;
  challenge?: string;
}

export interface WebhookEnvelope {
  merchant_id: string;
  type: string;
  event_id: string;
  data: { type: string; id: string; object: { card?: Record<string, unknown> } };
}

/** Shared helpers for the payment token, Cards API and card updater contract tests. */
export interface KeyedCard {
  number: string;
  expirationDate: string;
  cvv: string;
  postalCode: string;
}

export const VISA: KeyedCard = { number: "4111 1111 1111 1111", expirationDate: "12/34", cvv: "111", postalCode: "94103" };
export const STORE_DETAILS = { intent: "STORE", billingContact: { givenName: "Ada", familyName: "Lovelace" }, customerInitiated: true, sellerKeyedIn: false };
export const CHARGE_DETAILS = { ...STORE_DETAILS, intent: "CHARGE", amount: "12.50", currencyCode: "USD" };

/** What the card iframe posts to the emulator; answers the 3-D Secure challenge with `code` when one opens. */
export async function tokenize(
  local: TestEmulator,
  seller: Pick<TestSeller, "applicationId" | "locationId">,
  card: KeyedCard = VISA,
  opts: { verificationDetails?: unknown; code?: string; method?: "card" | "giftCard" } = {},
) {
  const post = (path: string, body: unknown) =>
    fetch(`${local.url}/web-sdk/v1/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
      (res) => res.json() as Promise<TokenizeReply>,
    );
  const method = opts.method ?? "card";
  const reply = await post("tokenize", {
    applicationId: seller.applicationId,
    locationId: seller.locationId,
    method,
    ...(method === "card" ? { card } : { giftCard: { number: card.number } }),
    ...(opts.verificationDetails ? { verificationDetails: opts.verificationDetails } : {}),
  });
  if (!reply.challenge) return { challenged: false, result: reply.result! };
  const answer = await post(`tokenize/challenges/${reply.challenge}`, opts.code === undefined ? { cancel: true } : { code: opts.code });
  return { challenged: true, result: answer.result! };
}

/** A token that must have been minted: fails the test otherwise. */
export async function mintToken(local: TestEmulator, seller: TestSeller, card: KeyedCard = VISA, opts: Parameters<typeof tokenize>[3] = {}) {
  const { result } = await tokenize(local, seller, card, opts);
  if (result.status !== "OK") throw new Error(`tokenize failed: ${JSON.stringify(result)}`);
  return result.token;
}

export const key = () => randomUUID();

export async function newCustomer(seller: TestSeller, givenName = "Ada"): Promise<string> {
  return (await seller.client.customers.create({ idempotencyKey: key(), givenName })).customer!.id!;
}

/** Marks `oldId` as merged into `survivingId`, as the customers area's merge does. */
export function recordMerge(local: TestEmulator, seller: TestSeller, oldId: string, survivingId: string) {
  tables(local.emulator.ctx.store).customerAliases.put(seller.merchantId, oldId, survivingId);
}


export async function createCard(seller: TestSeller, sourceId: string, card: Square.Card, extra: { verificationToken?: string } = {}) {
  return (await seller.client.cards.create({ idempotencyKey: key(), sourceId, card, ...extra })).card!;
}

/** The Square error a call fails with (the test fails if it succeeds). */
export async function squareError(call: Promise<unknown>): Promise<SquareError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SquareError);
  return err as SquareError;
}

/** A webhook receiver: collects every delivery's parsed body. */
export async function startReceiver() {
  const events: WebhookEnvelope[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      events.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return {
    url,
    events,
    /** Waits (bounded) for an event matching the predicate. */
    async waitFor(match: (event: WebhookEnvelope) => boolean) {
      for (let i = 0; i < 200; i++) {
        const hit = events.find(match);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no matching webhook among ${events.length}: ${events.map((e) => e.type).join(", ")}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
