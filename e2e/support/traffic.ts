import { expect, type BrowserContext } from "@playwright/test";
import { E2E } from "./servers";

/** One request the browser sent, or one response it received, as text (headers and body). */
export interface Exchange {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export interface Traffic {
  /** Everything any page, frame or worker of the context sent to Patron. */
  sentToApp: Exchange[];
  /** Everything the context received from anywhere (Patron, the local Square, its iframes). */
  received: Exchange[];
  /** Waits for response bodies still being read. */
  settle(): Promise<void>;
}

/**
 * Records a browser context's traffic from the first request on: context-level, so every page,
 * iframe, server action, prefetch and navigation is included, with headers and binary bodies.
 */
export function recordTraffic(context: BrowserContext): Traffic {
  const appOrigin = new URL(E2E.appUrl).origin;
  const sentToApp: Exchange[] = [];
  const received: Exchange[] = [];
  const reading: Promise<void>[] = [];
  // Pages keep polling after a test's last step: what arrives once the context or test is gone is not read.
  const gone = () => undefined;
  context.on("request", (r) => {
    if (new URL(r.url()).origin !== appOrigin) return;
    reading.push(
      r.allHeaders().then(
        (headers) => void sentToApp.push({ url: r.url(), method: r.method(), headers, body: r.postDataBuffer()?.toString("latin1") ?? "" }),
        gone,
      ),
    );
  });
  context.on("response", (res) => {
    reading.push(
      (async () => {
        const headers = await res.allHeaders();
        // Redirects and aborted loads have no body to read.
        const body = await res.body().then((b) => b.toString("latin1"), () => "");
        received.push({ url: res.url(), method: res.request().method(), headers, body });
      })().catch(gone),
    );
  });
  return { sentToApp, received, settle: async () => void (await Promise.all(reading)) };
}

/** No request to Patron carries the card number, however it is spaced or encoded as digits. */
export function expectNoCardNumber(traffic: Traffic, cardNumber: string) {
  const digits = cardNumber.replace(/\D/g, "");
  for (const r of traffic.sentToApp) {
    const sent = `${r.url} ${JSON.stringify(r.headers)} ${r.body}`;
    expect(sent.replace(/\D/g, ""), `${r.method} ${r.url} carried the card number`).not.toContain(digits);
  }
}

export const isServerAction = (r: Exchange) => "next-action" in r.headers;
/** A client-side navigation or prefetch of a page's server components. */
export const isRscFetch = (r: Exchange) => r.headers.rsc === "1" || "next-router-prefetch" in r.headers;
