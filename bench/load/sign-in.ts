import { CookieJar, send } from "./http";

/** A seller signed in to Patron over HTTP: their session cookies, and requests made with them. */
export interface SellerSession {
  merchantId: string;
  get(path: string): Promise<Response>;
}

/**
 * "Sign in with Square" without a browser, exactly the requests a browser makes: next-auth's CSRF
 * token and sign-in POST, the local Square's consent form (Allow, every scope the app asked for),
 * then the callback that sets Patron's session cookie.
 */
export async function signInSeller(appUrl: string, emulatorUrl: string, merchantId: string): Promise<SellerSession> {
  const jar = new CookieJar();
  const csrf = (await (await send(jar, `${appUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  const start = await send(jar, `${appUrl}/api/auth/signin/square`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${appUrl}/overview`, json: "true" }),
  });
  const authorize = new URL(((await start.json()) as { url: string }).url);
  if (authorize.origin !== new URL(emulatorUrl).origin) throw new Error(`Sign-in went to ${authorize.origin}, not the local Square.`);

  const form = new URLSearchParams({ merchant_id: merchantId, decision: "allow" });
  for (const key of ["client_id", "redirect_uri", "state", "code_challenge"]) form.set(key, authorize.searchParams.get(key) ?? "");
  for (const scope of (authorize.searchParams.get("scope") ?? "").split(/[\s+]+/).filter(Boolean)) form.append("scope", scope);
  const consent = await fetch(`${emulatorUrl}/oauth2/authorize`, { method: "POST", body: form, redirect: "manual" });
  const callback = consent.headers.get("location");
  if (!callback?.startsWith(appUrl)) throw new Error(`The consent page answered ${consent.status} without a way back (${callback}).`);

  const done = await send(jar, callback);
  if (done.status !== 302 || /\/login/.test(done.headers.get("location") ?? "")) throw new Error(`Signing in ${merchantId} failed: ${done.status} → ${done.headers.get("location")}`);
  return { merchantId, get: (path) => send(jar, appUrl + path) };
}

/** Waits until the seller's first backfill has filled their mirror (the dashboard reads it), within a bound. */
export async function untilSynced(session: SellerSession, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 100; Date.now() < deadline; wait = Math.min(wait * 2, 1_000)) {
    const status = (await (await session.get("/api/sync/status")).json()) as { state: string };
    if (status.state === "synced") return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new Error(`The mirror of ${session.merchantId} was not synced within ${timeoutMs / 1000} s.`);
}
