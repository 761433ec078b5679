import { Hono, type Context } from "hono";
import type { EmulatorContext, HonoEnv } from "../context";
import { readJson } from "../http/validate";
import { Challenges } from "./challenges";
import { TokenizeFailure } from "./session";
import { loadWebSdkFiles } from "./static-files";
import { tokenize, type TokenResult } from "./tokenize";
import { verifyBuyer, type VerifyBuyerResult } from "./verify-buyer";

// The iframe pages may be embedded by any seller page, and load nothing from elsewhere.
const FRAME_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors *";

/**
 * The Web Payments SDK stand-in, mounted at /web-sdk: `v1/square.js` for the seller's page, the
 * card form iframe, and the JSON endpoints only that iframe calls (tokenize, verifyBuyer, and the
 * answers to 3-D Secure challenges).
 */
export function webSdkRoutes(ctx: EmulatorContext) {
  const files = loadWebSdkFiles();
  const tokenChallenges = new Challenges<TokenResult>(ctx);
  const buyerChallenges = new Challenges<VerifyBuyerResult>(ctx);

  return new Hono<HonoEnv>()
    .post("/v1/tokenize", sameOriginOnly, async (c) => {
      const raw = await readJson(c);
      const outcome = attempt(() => tokenize(ctx, raw));
      if ("challenge" in outcome) return c.json({ challenge: tokenChallenges.open(outcome.challenge) });
      return c.json(outcome);
    })
    .post("/v1/tokenize/challenges/:id", sameOriginOnly, async (c) => {
      const answer = (await readJson(c)) as { code?: unknown; cancel?: unknown };
      if (answer.cancel === true) return c.json({ result: cancelled(tokenChallenges, c.req.param("id") ?? "") });
      return c.json(attempt(() => ({ result: tokenChallenges.answer(c.req.param("id") ?? "", String(answer.code ?? "")) })));
    })
    .post("/v1/verify-buyer", sameOriginOnly, async (c) => {
      const raw = await readJson(c);
      const outcome = attemptVerify(() => verifyBuyer(ctx, raw));
      if ("challenge" in outcome) return c.json({ challenge: buyerChallenges.open(outcome.challenge) });
      return c.json(outcome);
    })
    .post("/v1/verify-buyer/challenges/:id", sameOriginOnly, async (c) => {
      const answer = (await readJson(c)) as { code?: unknown; cancel?: unknown };
      if (answer.cancel === true) return c.json({ error: cancelled(buyerChallenges, c.req.param("id") ?? "").errors[0] });
      return c.json(attemptVerify(() => ({ result: buyerChallenges.answer(c.req.param("id") ?? "", String(answer.code ?? "")) })));
    })
    .get("/*", (c) => {
      const file = files.get(c.req.path.replace(/^.*?\/web-sdk\//, ""));
      if (!file) return c.text("Not found", 404);
      c.header("content-type", file.type);
      c.header("cache-control", "no-store");
      if (file.type.startsWith("text/html")) c.header("content-security-policy", FRAME_CSP);
      return c.body(file.body);
    });
}

/**
 * Card data may only come from the emulator's own iframe, never from the seller's page: browsers
 * label every fetch with Sec-Fetch-Site, so a cross-site post is refused.
 */
async function sameOriginOnly(c: Context<HonoEnv>, next: () => Promise<void>) {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin") return c.json({ error: "The Web Payments SDK endpoints only answer their own iframe." }, 403);
  await next();
}

function attempt<T>(run: () => T): T | { result: TokenResult } {
  try {
    return run();
  } catch (err) {
    if (err instanceof TokenizeFailure) return { result: { status: err.status, errors: err.errors } };
    throw err;
  }
}

function attemptVerify<T>(run: () => T): T | { error: { type: string; message: string } } {
  try {
    return run();
  } catch (err) {
    if (err instanceof TokenizeFailure) return { error: err.errors[0] };
    throw err;
  }
}

function cancelled<T>(challenges: Challenges<T>, id: string) {
  challenges.cancel(id);
  return { status: "Error" as const, errors: [{ type: "VERIFICATION_CANCELED", message: "The buyer closed the verification dialog." }] };
}
