import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIResponse, Browser, BrowserContext } from "@playwright/test";
import { expect, signInWithSquare, test } from "./fixtures";
import { CASES, type IsolationCase, type SignedIn, type Victim } from "./isolation/cases";
import { callAction, findAction } from "./isolation/next-actions";
import { enumerateSurface } from "./isolation/surface";
import { authorizationCode, createCustomer, createSeller, customersCursor, type LocalSeller } from "./support/local-square";
import { E2E } from "./support/servers";

/**
 * Two sellers sign in; every page, route handler and server action is tried as one of them (the
 * attacker) with the other's ids (the victim's). Nothing of the victim's may come back, and the
 * victim's data must be intact afterwards. The list of what to try comes from the file tree.
 */
test.describe.configure({ mode: "serial" });

interface Party extends SignedIn {
  seller: LocalSeller;
  context: BrowserContext;
}

let attacker: Party;
let victimParty: Party;
let victim: Victim;

async function signedInParty(browser: Browser, seller: LocalSeller): Promise<Party> {
  const context = await browser.newContext({ baseURL: E2E.appUrl });
  const page = await context.newPage();
  await signInWithSquare(page, seller.businessName);
  await page.close();
  return { seller, context, merchantId: seller.merchantId, request: context.request };
}

async function ensureSignedIn(browser: Browser, party: Party): Promise<Party> {
  const session = await (await party.request.get("/api/auth/session")).json();
  if (session.merchantId === party.merchantId) return party;
  await party.context.close();
  return signedInParty(browser, party.seller);
}

/** Strings that would only appear in a response if the victim's data leaked. */
function victimMarkers(v: Victim): string[] {
  return [v.merchantId, v.locationId, v.businessName, ...v.customers.flatMap((c) => [c.id, c.givenName, c.email])];
}

/** Fails if the response carries any victim marker that the attempt did not itself send. */
async function expectNoLeak(res: APIResponse, sent: string, what: string) {
  expect(res.status(), `${what} answered ${res.status()}`).toBeLessThan(500);
  const body = await res.text();
  const leaked = victimMarkers(victim).filter((m) => !sent.includes(m) && body.includes(m));
  expect(leaked, `${what} returned the victim's data`).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  const victimSeller = await createSeller("E2E Victim");
  const customers = [await createCustomer(victimSeller, "Victimada", "Secret"), await createCustomer(victimSeller, "Victimgrace", "Hidden")];
  const attackerSeller = await createSeller("E2E Attacker");
  await createCustomer(attackerSeller, "Attackerown", "Customer");
  victim = {
    merchantId: victimSeller.merchantId,
    businessName: victimSeller.businessName,
    locationId: victimSeller.locationId,
    customers,
    customersCursor: await customersCursor(victimSeller),
    authorizationCode: () => authorizationCode(victimSeller.merchantId),
  };
  victimParty = await signedInParty(browser, victimSeller);
  attacker = await signedInParty(browser, attackerSeller);
});

test.afterAll(async () => {
  await attacker?.context.close();
  await victimParty?.context.close();
});

test("every page, route handler and server action has an isolation case", () => {
  const surface = enumerateSurface(process.cwd());
  const missing = surface.filter((key) => !(key in CASES));
  const stale = Object.keys(CASES).filter((key) => !surface.includes(key));
  expect(missing, "Add these to e2e/isolation/cases.ts (how to call them with another seller's ids)").toEqual([]);
  expect(stale, "These cases name files that no longer exist").toEqual([]);
});

test("the surface is read from the file tree, so new files are noticed", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "patron-surface-"));
  try {
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write("app/(dashboard)/customers/[customerId]/page.tsx", "export default function P() {}");
    write("app/api/customers/route.ts", "export async function GET() {}\nexport const POST = GET;");
    write("lib/actions/customers.ts", '"use server";\nexport async function createCustomerAction() {}\nexport { a as deleteCustomerAction };');
    expect(enumerateSurface(root)).toEqual([
      "GET /api/customers",
      "POST /api/customers",
      "action lib/actions/customers.ts#createCustomerAction",
      "action lib/actions/customers.ts#deleteCustomerAction",
      "page /customers/[customerId]",
    ]);
    write("lib/actions/odd.ts", "export default async function x() {}");
    expect(() => enumerateSurface(root)).toThrow(/teach e2e\/isolation\/surface.ts/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// Pages first, then route handlers, then actions (which may change the attacker's own state).
const ORDER: Record<IsolationCase["kind"], number> = { page: 0, route: 1, action: 2 };
const ordered = Object.entries(CASES).sort(([a, x], [b, y]) => ORDER[x.kind] - ORDER[y.kind] || a.localeCompare(b));

for (const [key, c] of ordered) {
  test(`${key}: another seller's ids reach nothing of theirs`, async ({ browser }) => {
    attacker = await ensureSignedIn(browser, attacker);

    if (c.kind === "page") {
      for (const url of c.urls(victim)) {
        const res = await attacker.request.get(url);
        if (!c.public) expect(new URL(res.url()).pathname, `${url} was tried signed in`).not.toBe("/login");
        await expectNoLeak(res, url, `GET ${url}`);
      }
      if (c.showsOwnData) {
        // The same page shows its owner their data, so the check above is not vacuous.
        const own = await (await victimParty.request.get(c.urls(victim)[0])).text();
        expect(own).toContain(c.urls(victim)[0] === "/customers" ? victim.customers[0].email : victim.merchantId);
      }
    }

    if (c.kind === "route") {
      for (const attempt of await c.attempts(victim)) {
        const res =
          attempt.method === "POST"
            ? await attacker.request.post(attempt.url, { form: attempt.form, headers: { Origin: E2E.appUrl } })
            : await attacker.request.get(attempt.url);
        await expectNoLeak(res, attempt.url + JSON.stringify(attempt.form ?? {}), `${attempt.method ?? "GET"} ${attempt.url}`);
      }
    }

    if (c.kind === "action") {
      const [file, name] = key.replace(/^action /, "").split("#");
      const action = findAction(file, name);
      // An action no client code references is not exposed to browsers at all.
      if (action)
        for (const args of c.calls(victim)) {
          const res = await callAction(attacker.request, action, args);
          expect(await res.text()).not.toContain("Server action not found");
          await expectNoLeak(res, JSON.stringify(args), `${name}(${JSON.stringify(args)})`);
        }
    }

    await c.afterwards?.({ attacker, victim: victimParty, v: victim });

    // The victim is still signed in, connected, and sees all of their customers.
    const victimCustomers = await victimParty.request.get("/customers");
    expect(new URL(victimCustomers.url()).pathname).toBe("/customers");
    const page = await victimCustomers.text();
    for (const customer of victim.customers) expect(page).toContain(customer.email);
  });
}
