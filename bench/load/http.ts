// Plain fetch with a cookie jar, for a seller's signed-in session without a browser.

/** Every request of a load run gives up after this long, so the run always ends. */
export const REQUEST_TIMEOUT_MS = 60_000;

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Keeps the cookies a response sets (expired ones are dropped). */
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || pair.slice(eq + 1) === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** fetch that sends and keeps the jar's cookies, never follows redirects, and times out. */
export async function send(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set("cookie", cookie);
  const res = await fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  jar.take(res);
  return res;
}

/** A JSON call to the local Square, as a seller (token) or to its control routes. */
export async function squareCall<T>(emulatorUrl: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(emulatorUrl + path, {
    method: opts.body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}
