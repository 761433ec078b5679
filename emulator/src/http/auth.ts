import type { MiddlewareHandler } from "hono";
import type { HonoEnv } from "../context";
import { tables } from "../domain/tables";
import { GLOBAL } from "../store/store";
import type { Scope } from "../scopes";
import { errors } from "./errors";

/** Resolves `Authorization: Bearer <token>` to a seller, as Square does for every /v2 call. */
export const requireCaller: MiddlewareHandler<HonoEnv> = async (c, next) => {
  const ctx = c.get("ctx");
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw errors.unauthorized();
  const row = tables(ctx.store).accessTokens.get(GLOBAL, match[1]);
  if (!row) throw errors.unauthorized();
  if (row.revoked) throw errors.unauthorized("ACCESS_TOKEN_REVOKED", "The access token has been revoked.");
  if (row.expiresAt && Date.parse(row.expiresAt) <= ctx.clock.nowMs())
    throw errors.unauthorized("ACCESS_TOKEN_EXPIRED", "The access token has expired.");
  c.set("caller", {
    merchantId: row.merchantId,
    applicationId: row.applicationId,
    scopes: new Set(row.scopes),
    token: row.token,
  });
  await next();
};

/** Refuses the call with 403 INSUFFICIENT_SCOPES unless the token carries every listed scope. */
export function scope(...needed: Scope[]): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const { scopes } = c.get("caller");
    const missing = needed.filter((s) => !scopes.has(s));
    if (missing.length) throw errors.insufficientScopes(missing);
    await next();
  };
}
