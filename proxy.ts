import { NextResponse, type NextRequest } from "next/server";
import { checkoutCsp, squareOrigins } from "@/lib/checkout/csp";
import { getEnv } from "@/lib/env";

/**
 * The public checkout pages get a Content-Security-Policy with a fresh nonce per request; Next reads
 * the nonce from the request's header and puts it on every script it renders (Next's CSP guide).
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // NODE_ENV is Next's build-time constant, not a setting: `next dev` needs React's eval-based tooling.
  const policy = checkoutCsp(nonce, squareOrigins(env), { dev: process.env.NODE_ENV === "development", https: env.NEXTAUTH_URL.startsWith("https:") });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = { matcher: ["/pay/:path*"] };
