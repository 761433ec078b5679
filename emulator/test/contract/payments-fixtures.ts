import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SquareError } from "square";
import { startTestEmulator, type TestEmulator } from "../harness";
import type { EmulatorConfig } from "../../src/config";

/** A webhook delivery as the receiver saw it (parsed body). */
export interface Delivery {
  type: string;
  merchant_id: string;
  event_id: string;
  data: { type: string; id: string; object: Record<string, any> };
}

/**
 * The local Square plus a webhook receiver registered as its configured subscription, for the
 * money-area contract tests (gift cards, payments, orders, PayOrder, assignment).
 */
export interface MoneyEmulator extends TestEmulator {
  deliveries: Delivery[];
  /** Polls the received webhooks until one matches (bounded; fails with what arrived). */
  waitForEvent(match: (d: Delivery) => boolean, what: string): Promise<Delivery>;
}

export async function startMoneyEmulator(overrides: Partial<EmulatorConfig> = {}): Promise<MoneyEmulator> {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      deliveries.push(JSON.parse(text));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const local = await startTestEmulator({ webhookUrl: hookUrl, ...overrides });
  return {
    ...local,
    deliveries,
    waitForEvent: (match, what) => poll(() => deliveries.find(match), `webhook ${what} (got: ${deliveries.map((d) => d.type).join(", ")})`),
    async stop() {
      await local.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `probe` every 10 ms until it returns something, for at most `timeoutMs`. */
export async function poll<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The SquareError a call fails with (the test fails if it succeeds). */
export async function failure(call: Promise<unknown>): Promise<SquareError> {
  const outcome = await call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ("value" in outcome) throw new Error(`expected the call to fail, got ${JSON.stringify(outcome.value, (_k, v) => (typeof v === "bigint" ? Number(v) : v))}`);
  if (!(outcome.error instanceof SquareError)) throw outcome.error;
  return outcome.error;
}

export const key = () => randomUUID();
export const usd = (amount: number) => ({ amount: BigInt(amount), currency: "USD" as const });
