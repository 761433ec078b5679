import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readActionReply } from "./bad-input/action-reply";
import { BAD_INPUT_CASES } from "./bad-input/cases";
import type { ActionExpected } from "./bad-input/types";
import { appState, buildWorld, resetWrites, writesSinceReset, type World } from "./bad-input/world";
import { findAction } from "./isolation/next-actions";
import { enumerateSurface } from "./isolation/surface";
import { E2E } from "./support/servers";

/**
 * Every route handler and server action with hostile input (e2e/bad-input/cases.ts): each attempt
 * gets the specific error it names, and nothing is written — no write by either seller at the local
 * Square, the seller's directory and checkout links unchanged, and the seller still signed in.
 */
let world: World;
let contexts: BrowserContext[] = [];
// Checkout submissions are rate limited per address: this run's own, so other specs' don't count.
const CLIENT_IP = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  ({ world, contexts } = await buildWorld(browser));
});
test.afterAll(async () => {
  for (const c of contexts) await c.close();
});

test("every route handler and server action has bad-input cases", () => {
  const surface = enumerateSurface(process.cwd()).filter((key) => !key.startsWith("page "));
  const missing = surface.filter((key) => !(key in BAD_INPUT_CASES));
  const stale = Object.keys(BAD_INPUT_CASES).filter((key) => !surface.includes(key));
  expect(missing, "Add hostile inputs for these to e2e/bad-input/ (what to send and the error it must get)").toEqual([]);
  expect(stale, "These cases name routes or actions that no longer exist").toEqual([]);
  for (const [key, c] of Object.entries(BAD_INPUT_CASES))
    if (c.kind === "action" && !c.noInput) expect(c.attempts(world).length, `${key} has no attempts`).toBeGreaterThan(0);
});

/**
 * What every action must survive whatever its arguments: Next refuses these before the action runs
 * (Next 16 answers both with a 500 and logs "Body exceeded 1 MB limit" or a JSON SyntaxError).
 */
const GENERIC: { what: string; body: string }[] = [
  { what: "a body over the 1 MB server action limit", body: JSON.stringify(["x".repeat(1_100_000)]) },
  { what: "arguments that are not JSON", body: '[{"customerId":' },
];

function checkReply(value: unknown, expected: ActionExpected, what: string) {
  const reply = value as { ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string[]> };
  const text = JSON.stringify(reply);
  if ("ok" in expected) {
    expect(reply.ok, `${what}: ${text}`).toBe(true);
    if (expected.says) expect(text).toMatch(expected.says);
    return;
  }
  expect(reply, what).toMatchObject({ ok: false, code: expected.code });
  const messages = expected.field ? reply.fieldErrors?.[expected.field] : [reply.message!];
  expect(messages, `${what}: an error on "${expected.field}" (got ${text})`).toBeDefined();
  for (const m of messages!) {
    expect(m, `${what}: a sentence`).toMatch(/^[A-Z“"].*[.!?]$/);
    expect(m).not.toMatch(/Invalid input|expected \w+, received|Too (big|small)/);
  }
  if (expected.says) expect(messages!.join(" "), what).toMatch(expected.says);
}

// Routes first, then actions; Disconnect last, in case a refusal failed and it ran.
const ordered = Object.entries(BAD_INPUT_CASES).sort(([a, x], [b, y]) => Number(x.kind === "action") - Number(y.kind === "action") || Number(a.includes("disconnect")) - Number(b.includes("disconnect")) || a.localeCompare(b));

for (const [key, c] of ordered) {
  test(`${key}: hostile input gets a clear error and writes nothing`, async () => {
    const before = await appState(world);
    const headers = { "x-forwarded-for": CLIENT_IP, Origin: E2E.appUrl };

    if (c.kind === "route")
      for (const a of c.attempts(world)) {
        await resetWrites(world);
        // Redirects are not followed: where one points is part of the answer.
        const options = { headers: { ...headers, ...a.headers }, maxRedirects: 0 };
        const res = a.method === "POST" ? await world.request.post(a.url, { ...options, data: Buffer.from(a.body ?? "") }) : await world.request.get(a.url, options);
        const answer = `location: ${res.headers().location ?? "-"}\n${await res.text()}`;
        expect(res.status(), `${a.what}: ${answer.slice(0, 300)}`).toBe(a.expected.status);
        if (a.expected.says) expect(a.expected.says.test(answer), `${a.what} should say ${a.expected.says}: ${answer.slice(0, 300)}`).toBe(true);
        expect(await writesSinceReset(world), `${a.what} wrote at Square`).toEqual({ seller: {}, victim: {} });
      }

    if (c.kind === "action") {
      const [file, name] = key.replace(/^action /, "").split("#");
      const action = findAction(file, name);
      expect(action, `${name} is exposed to browsers`).toBeDefined();
      const send = (body: string) =>
        world.request.post(action!.pagePath, { headers: { ...headers, "Next-Action": action!.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" }, data: Buffer.from(body) });
      for (const a of c.attempts(world)) {
        await resetWrites(world);
        const reply = await readActionReply(await send(JSON.stringify(a.args)));
        expect(reply.kind, `${a.what}: ${reply.kind === "refused" ? `${reply.status} ${reply.text.slice(0, 300)}` : ""}`).toBe("result");
        if (reply.kind === "result") checkReply(reply.value, a.expected, a.what);
        expect(await writesSinceReset(world), `${a.what} wrote at Square`).toEqual({ seller: {}, victim: {} });
      }
      for (const g of GENERIC) {
        await resetWrites(world);
        const reply = await readActionReply(await send(g.body));
        expect(reply.kind, `${g.what}: Next refuses it before the action runs`).toBe("refused");
        expect(reply.status, g.what).toBeGreaterThanOrEqual(400);
        expect(await writesSinceReset(world), `${g.what} wrote at Square`).toEqual({ seller: {}, victim: {} });
      }
    }

    expect(await appState(world), "the directory and checkout links are unchanged").toEqual(before);
    if (c.kind === "route") await c.afterwards?.(world);
    expect((await (await world.request.get("/api/auth/session")).json()).merchantId, "still signed in").toBe(world.seller.merchantId);
  });
}
