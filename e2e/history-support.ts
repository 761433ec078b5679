import { authorizationCode } from "./support/local-square";
import { callbackUrl, E2E } from "./support/servers";

/** A POST to the e2e run's local Square (its OAuth and v2 APIs). */
export async function squarePost<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(E2E.emulatorUrl + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** An access token for any local seller with the scopes a test needs (consent form, then the token endpoint). */
export async function tokenWithScopes(merchantId: string, scopes: string[]): Promise<string> {
  const code = await authorizationCode(merchantId, scopes);
  const grant = await squarePost<{ access_token: string }>("/oauth2/token", {
    client_id: E2E.applicationId,
    client_secret: E2E.applicationSecret,
    grant_type: "authorization_code",
    code,
    redirect_uri: callbackUrl,
  });
  return grant.access_token;
}
