import { randomUUID } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import { openApiChecker } from "../lib/checkout/test-support/openapi";
import { expect, signInWithSquare, test } from "./fixtures";
import { createSeller } from "./support/local-square";

const ROUTE = "/api/pay/{linkId}";

/**
 * The JSON checkout for apps, over HTTP against the built app: every answer is checked against
 * public/openapi/checkout.json, the file app developers read.
 */
test("POST /api/pay/[linkId] pays, replays, refuses and limits exactly as its OpenAPI document says", async ({ page, request }) => {
  const spec = openApiChecker();
  const seller = await createSeller("E2E API");
  await signInWithSquare(page, seller.businessName);
  await page.goto("/checkout-links");
  const href = (await page.getByRole("row").filter({ hasText: "Morning coffee & pastry" }).getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;
  const linkId = href.split("/pay/")[1];
  // Each test run gets its own address, so the per-IP window is this test's alone.
  const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

  async function checked(method: "GET" | "POST", res: APIResponse) {
    const body = await res.json();
    spec.check(method, ROUTE, res.status(), body, { "retry-after": res.headers()["retry-after"] ?? null });
    return { status: res.status(), body };
  }
  const post = (body: unknown, id = linkId) => request.post(`/api/pay/${id}`, { data: body, headers: { "x-forwarded-for": ip } }).then((r) => checked("POST", r));
  const buyer = { given_name: "Apu", email_address: `apu.${randomUUID().slice(0, 6)}@example.com` };

  const link = await checked("GET", await request.get(`/api/pay/${linkId}`));
  expect(link.body.link).toMatchObject({ business_name: seller.businessName, total_amount: 1200, square: { location_id: seller.locationId } });
  expect((await checked("GET", await request.get("/api/pay/nope"))).status).toBe(404);

  const attempt = { attempt_id: randomUUID(), source_id: "cnon:card-nonce-declined", buyer, save_card: true };
  expect(await post(attempt)).toMatchObject({ status: 402, body: { error: { reason: "declined" } } });
  expect((await post({ ...attempt, source_id: "cnon:card-nonce-ok", buyer: { email_address: "someone.else@example.com" } })).status).toBe(409);
  const paid = await post({ ...attempt, source_id: "cnon:card-nonce-ok" });
  expect(paid).toMatchObject({ status: 200, body: { replayed: false, receipt: { card_saved: true, amount_money: { amount: 1200 } } } });
  expect(await post({ ...attempt, source_id: "cnon:card-nonce-ok" })).toMatchObject({ status: 200, body: { replayed: true } });
  expect((await post({ attempt_id: "x", source_id: "" })).body.error.fields).toMatchObject({ attempt_id: expect.any(Array), source_id: expect.any(Array) });
  expect((await post(attempt, "nope")).status).toBe(404);

  // The per-IP limit (20 a minute by default) holds across requests, stored in the database.
  let last = 0;
  for (let i = 0; i < 25 && last !== 429; i++) last = (await post({ attempt_id: randomUUID(), source_id: "cnon:card-nonce-ok" })).status;
  expect(last).toBe(429);
  expect([...spec.seen].sort()).toEqual(
    ["GET 200", "GET 404", "POST 200", "POST 400", "POST 402", "POST 404", "POST 409", "POST 429"].map((s) => s.replace(" ", ` ${ROUTE} `)).sort(),
  );
});
