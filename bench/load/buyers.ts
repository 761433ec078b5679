import { randomUUID } from "node:crypto";
import { REQUEST_TIMEOUT_MS } from "./http";
import { callAction } from "./next-action";

/** How a buyer behaves: most pay; some are declined and try another card or leave; some double-click. */
export type BuyerKind = "pays" | "double-click" | "declined-then-pays" | "declined-leaves";

export interface CheckoutOutcome {
  ok: boolean;
  code?: string;
  message?: string;
  receipt?: { paymentId: string; attemptId: string };
}

export interface BuyerResult {
  kind: BuyerKind;
  linkId: string;
  attemptId: string;
  /** Server time of each submission as the buyer waited for it (ms). */
  submitMs: number[];
  pageMs: number;
  outcomes: CheckoutOutcome[];
  /** Anything other than a paid checkout or a decline. */
  errors: string[];
}

/** Every fifth buyer double-clicks, every seventh is declined first, every eleventh is declined and leaves. */
export function buyerKind(i: number): BuyerKind {
  if (i % 11 === 10) return "declined-leaves";
  if (i % 7 === 6) return "declined-then-pays";
  if (i % 5 === 4) return "double-click";
  return "pays";
}

const DECLINED = "cnon:card-nonce-declined";
const OK = "cnon:card-nonce-ok";

/**
 * One buyer on the payment page: loads it, then submits through the page's own server action with a
 * Square sandbox nonce in place of the Web Payments SDK's token (the action cannot tell them apart).
 * Each buyer comes from its own address, as real buyers do, so the per-IP limit sees one buyer each.
 */
export async function runBuyer(appUrl: string, actionId: string, linkId: string, index: number): Promise<BuyerResult> {
  const kind = buyerKind(index);
  const attemptId = randomUUID();
  const pageUrl = `${appUrl}/pay/${linkId}`;
  const ip = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const result: BuyerResult = { kind, linkId, attemptId, submitMs: [], pageMs: 0, outcomes: [], errors: [] };

  const started = performance.now();
  const page = await fetch(pageUrl, { headers: { "x-forwarded-for": ip }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  await page.text();
  result.pageMs = performance.now() - started;
  if (page.status !== 200) result.errors.push(`payment page answered ${page.status}`);

  const input = { linkId, attemptId, givenName: "Load", familyName: `Buyer ${index}`, email: `buyer.${index}.${attemptId.slice(0, 8)}@example.com`, phone: "", saveCard: false, amount: null };
  const submit = async (sourceId: string) => {
    const t = performance.now();
    try {
      const outcome = await callAction<CheckoutOutcome>(pageUrl, actionId, [{ ...input, sourceId }], { "x-forwarded-for": ip });
      result.outcomes.push(outcome);
      if (!outcome.ok && outcome.code !== "DECLINED") result.errors.push(`buyer ${index}: checkout answered ${outcome.code} ${JSON.stringify(outcome).slice(0, 300)}`);
      return outcome;
    } catch (err) {
      result.errors.push(err instanceof Error ? err.message : String(err));
      return null;
    } finally {
      result.submitMs.push(performance.now() - t);
    }
  };

  if (kind === "double-click") await Promise.all([submit(OK), submit(OK)]);
  else if (kind === "pays") await submit(OK);
  else {
    const declined = await submit(DECLINED);
    if (declined && (declined.ok || declined.code !== "DECLINED")) result.errors.push("a declined nonce was not declined");
    if (kind === "declined-then-pays") await submit(OK);
  }
  return result;
}
