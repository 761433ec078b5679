import { Hono, type Context } from "hono";
import { html } from "hono/html";
import { serialization } from "square";
import type { HonoEnv } from "../context";
import { issueTokens, listSellers } from "../domain/sellers";
import { tables } from "../domain/tables";
import { DEMO_SELLER } from "../domain/demo";
import { errors } from "../http/errors";
import { body } from "../http/validate";
import { ids } from "../ids";
import { page } from "../pages/layout";
import { isScope, type Scope } from "../scopes";
import { GLOBAL } from "../store/store";

const CODE_LIFETIME_MS = 5 * 60 * 1000;

/**
 * Square's OAuth for the one local application: a consent page, the JSON-only token endpoint
 * (authorization_code and refresh_token grants), token status and revocation.
 */
export const oauthRoutes = new Hono<HonoEnv>()
  .get("/authorize", (c) => {
    const request = readAuthorizeRequest(c, new URLSearchParams(c.req.url.split("?")[1] ?? ""));
    if ("problem" in request) return c.html(page("Authorization failed", html`<h1>Authorization failed</h1><p>${request.problem}</p>`), 400);
    const sellers = listSellers(c.get("ctx")).sort((a, b) =>
      a.id === DEMO_SELLER.merchantId ? -1 : b.id === DEMO_SELLER.merchantId ? 1 : (a.businessName ?? "").localeCompare(b.businessName ?? ""),
    );
    return c.html(
      page(
        "Authorize",
        html`<h1>${c.get("ctx").config.applicationName} wants to access your Square account</h1>
          <p class="muted">This is the local Square: choose which local seller signs in and what the application may do.</p>
          <form method="post" action="/oauth2/authorize">
            ${hidden("client_id", request.clientId)} ${hidden("redirect_uri", request.redirectUri)} ${hidden("state", request.state)}
            ${hidden("code_challenge", request.codeChallenge)}
            <label for="seller">Seller</label>
            <select id="seller" name="merchant_id" required>
              ${sellers.map((s) => html`<option value="${s.id}">${s.businessName}</option>`)}
            </select>
            <fieldset>
              <legend>Permissions</legend>
              ${request.scopes.map((s) => html`<label><input type="checkbox" name="scope" value="${s}" checked /> ${s}</label>`)}
            </fieldset>
            <div class="actions">
              <button class="primary" type="submit" name="decision" value="allow">Allow</button>
              <button type="submit" name="decision" value="deny">Deny</button>
            </div>
          </form>`,
      ),
    );
  })
  .post("/authorize", async (c) => {
    const form = await c.req.formData();
    const params = new URLSearchParams();
    for (const key of ["client_id", "redirect_uri", "state", "code_challenge"]) params.set(key, String(form.get(key) ?? ""));
    params.set("scope", form.getAll("scope").join(" "));
    const request = readAuthorizeRequest(c, params, { allowEmptyScopes: true });
    if ("problem" in request) return c.html(page("Authorization failed", html`<h1>Authorization failed</h1><p>${request.problem}</p>`), 400);
    const target = new URL(request.redirectUri);
    if (request.state) target.searchParams.set("state", request.state);
    if (form.get("decision") !== "allow") {
      target.searchParams.set("error", "access_denied");
      target.searchParams.set("error_description", "user_denied");
      return c.redirect(target.toString(), 302);
    }
    const ctx = c.get("ctx");
    const merchantId = String(form.get("merchant_id") ?? "");
    if (!tables(ctx.store).merchants.get(GLOBAL, merchantId))
      return c.html(page("Authorization failed", html`<h1>Authorization failed</h1><p>Unknown seller.</p>`), 400);
    const code = ids.authCode();
    tables(ctx.store).authCodes.put(GLOBAL, code, {
      code,
      merchantId,
      applicationId: request.clientId,
      scopes: request.scopes,
      redirectUri: request.explicitRedirect ? request.redirectUri : undefined,
      codeChallenge: request.codeChallenge || undefined,
      expiresAt: new Date(ctx.clock.nowMs() + CODE_LIFETIME_MS).toISOString(),
      used: false,
    });
    target.searchParams.set("code", code);
    target.searchParams.set("response_type", "code");
    return c.redirect(target.toString(), 302);
  })
  .post("/token", async (c) => {
    if (!/application\/json/i.test(c.req.header("content-type") ?? ""))
      throw errors.badRequest("BAD_REQUEST", "The token endpoint accepts only JSON request bodies (Content-Type: application/json).");
    const { value: req } = await body(c, serialization.oAuth.ObtainTokenRequest);
    const ctx = c.get("ctx");
    const t = tables(ctx.store);
    if (req.clientId !== ctx.config.applicationId) throw notAuthorized("Unknown client_id.");

    if (req.grantType === "authorization_code") {
      if (!req.code) throw errors.missing("code");
      const row = t.authCodes.get(GLOBAL, req.code);
      if (!row || row.used || Date.parse(row.expiresAt) <= ctx.clock.nowMs())
        throw notAuthorized("The authorization code is invalid, expired or already used.");
      if (!row.codeChallenge && req.clientSecret !== ctx.config.applicationSecret) throw notAuthorized("Invalid client_secret.");
      if (row.codeChallenge && !(await pkceMatches(row.codeChallenge, req.codeVerifier ?? "")))
        throw notAuthorized("The code_verifier does not match the code_challenge.");
      if (row.redirectUri && req.redirectUri !== row.redirectUri) throw notAuthorized("redirect_uri does not match the one used to authorize.");
      t.authCodes.put(GLOBAL, row.code, { ...row, used: true });
      const grant = issueTokens(ctx, row.merchantId, row.scopes);
      return c.json(tokenResponse(grant, row.merchantId));
    }

    if (req.grantType === "refresh_token") {
      if (!req.refreshToken) throw errors.missing("refresh_token");
      if (req.clientSecret !== ctx.config.applicationSecret) throw notAuthorized("Invalid client_secret.");
      const row = t.refreshTokens.get(GLOBAL, req.refreshToken);
      if (!row || row.revoked) throw notAuthorized("The refresh token is invalid or revoked.");
      let scopes = row.scopes;
      if (req.scopes?.length) {
        const wanted = req.scopes.filter(isScope);
        if (wanted.length !== req.scopes.length || wanted.some((s) => !row.scopes.includes(s)))
          throw errors.badRequest("INVALID_VALUE", "scopes must be a subset of the scopes originally granted.", "scopes");
        scopes = wanted;
      }
      const grant = issueTokens(ctx, row.merchantId, scopes, undefined, row.token);
      return c.json(tokenResponse(grant, row.merchantId));
    }

    throw errors.badRequest("INVALID_VALUE", `Unsupported grant_type \`${req.grantType}\`.`, "grant_type");
  })
  .post("/token/status", (c) => {
    const ctx = c.get("ctx");
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const row = token ? tables(ctx.store).accessTokens.get(GLOBAL, token) : undefined;
    if (!row || row.revoked || (row.expiresAt && Date.parse(row.expiresAt) <= ctx.clock.nowMs())) throw errors.unauthorized();
    return c.json({ scopes: row.scopes, expires_at: row.expiresAt, client_id: row.applicationId, merchant_id: row.merchantId });
  })
  .post("/revoke", async (c) => {
    const ctx = c.get("ctx");
    const secret = /^Client\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (secret !== ctx.config.applicationSecret) throw errors.unauthorized("UNAUTHORIZED", "Authorization must be `Client <application secret>`.");
    const { value: req } = await body(c, serialization.oAuth.RevokeTokenRequest);
    if (req.clientId !== ctx.config.applicationId) throw errors.badRequest("INVALID_VALUE", "Unknown client_id.", "client_id");
    if (!!req.accessToken === !!req.merchantId)
      throw errors.badRequest("CONFLICTING_PARAMETERS", "Provide exactly one of access_token and merchant_id.");
    const t = tables(ctx.store);
    const merchantId = req.merchantId ?? t.accessTokens.get(GLOBAL, req.accessToken!)?.merchantId;
    if (!merchantId) throw errors.notFound("Access token not found.", "access_token");
    for (const row of t.accessTokens.values(GLOBAL))
      if (row.merchantId === merchantId && (!req.revokeOnlyAccessToken || !req.accessToken || row.token === req.accessToken))
        t.accessTokens.put(GLOBAL, row.token, { ...row, revoked: true });
    if (!req.revokeOnlyAccessToken) {
      for (const row of t.refreshTokens.values(GLOBAL))
        if (row.merchantId === merchantId) t.refreshTokens.put(GLOBAL, row.token, { ...row, revoked: true });
      const grant = t.grants.get(GLOBAL, merchantId);
      if (grant) t.grants.put(GLOBAL, merchantId, { ...grant, revoked: true });
    }
    return c.json({ success: true });
  });

type AuthorizeRequest =
  | { problem: string }
  | { clientId: string; redirectUri: string; explicitRedirect: boolean; state: string; scopes: Scope[]; codeChallenge: string };

function readAuthorizeRequest(c: Context<HonoEnv>, q: URLSearchParams, opts: { allowEmptyScopes?: boolean } = {}): AuthorizeRequest {
  const { config } = c.get("ctx");
  const clientId = q.get("client_id") ?? "";
  if (clientId !== config.applicationId) return { problem: `Unknown client_id "${clientId}".` };
  const given = q.get("redirect_uri") ?? "";
  if (given && !config.redirectUris.includes(given))
    return { problem: `redirect_uri "${given}" is not registered for this application (SQUARE_OAUTH_REDIRECT_URIS).` };
  const scopes = (q.get("scope") ?? "").split(/[\s+,]+/).filter(Boolean);
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length) return { problem: `Unknown scope(s): ${unknown.join(", ")}.` };
  if (!scopes.length && !opts.allowEmptyScopes) return { problem: "No scope was requested." };
  return {
    clientId,
    redirectUri: given || config.redirectUris[0],
    explicitRedirect: !!given,
    state: q.get("state") ?? "",
    scopes: scopes as Scope[],
    codeChallenge: q.get("code_challenge") ?? "",
  };
}

const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}" />`;

function tokenResponse(grant: { accessToken: string; refreshToken: string; expiresAt: string }, merchantId: string) {
  return {
    access_token: grant.accessToken,
    token_type: "bearer",
    expires_at: grant.expiresAt,
    merchant_id: merchantId,
    refresh_token: grant.refreshToken,
    short_lived: false,
  };
}

const notAuthorized = (detail: string) => errors.unauthorized("UNAUTHORIZED", detail);

async function pkceMatches(challenge: string, verifier: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return Buffer.from(digest).toString("base64url") === challenge;
}
