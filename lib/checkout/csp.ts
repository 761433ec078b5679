import type { Env } from "@/lib/env";

/** Where the Web Payments SDK loads from, frames its fields and connects, per environment. */
export interface SquareOrigins {
  script: string[];
  frame: string[];
  connect: string[];
  style: string[];
  font: string[];
}

// Square's Web Payments SDK CSP page, plus origins reported on Square's forum for fonts, telemetry and
// 3-D Secure (the card issuer's challenge is framed through Cardinal Commerce).
const REAL_SQUARE: Record<"sandbox" | "production", SquareOrigins> = {
  sandbox: {
    script: ["https://sandbox.web.squarecdn.com", "https://js.squareupsandbox.com"],
    frame: ["https://sandbox.web.squarecdn.com", "https://connect.squareupsandbox.com", "https://api.squareupsandbox.com", "https://*.cardinalcommerce.com"],
    connect: ["https://sandbox.web.squarecdn.com", "https://pci-connect.squareupsandbox.com", "https://connect.squareupsandbox.com", "https://o160250.ingest.sentry.io"],
    style: ["https://sandbox.web.squarecdn.com", "https://square-fonts-production-f.squarecdn.com", "https://d1g145x70srn7h.cloudfront.net"],
    font: ["https://square-fonts-production-f.squarecdn.com", "https://d1g145x70srn7h.cloudfront.net"],
  },
  production: {
    script: ["https://web.squarecdn.com", "https://js.squareup.com"],
    frame: ["https://web.squarecdn.com", "https://connect.squareup.com", "https://api.squareup.com", "https://*.cardinalcommerce.com"],
    connect: ["https://web.squarecdn.com", "https://pci-connect.squareup.com", "https://connect.squareup.com", "https://o160250.ingest.sentry.io"],
    style: ["https://web.squarecdn.com", "https://square-fonts-production-f.squarecdn.com", "https://d1g145x70srn7h.cloudfront.net"],
    font: ["https://square-fonts-production-f.squarecdn.com", "https://d1g145x70srn7h.cloudfront.net"],
  },
};

export function squareOrigins(env: Pick<Env, "SQUARE_ENVIRONMENT" | "SQUARE_EMULATOR_URL">): SquareOrigins {
  if (env.SQUARE_ENVIRONMENT !== "local") return REAL_SQUARE[env.SQUARE_ENVIRONMENT];
  // The local Square serves the SDK stand-in, its card iframe and the tokenize call from one origin.
  const local = new URL(env.SQUARE_EMULATOR_URL).origin;
  return { script: [local], frame: [local], connect: [local], style: [], font: [] };
}

/** The Web Payments SDK stand-in's script (local mode); undefined lets the loader pick Square's CDN. */
export function webSdkScriptSrc(env: Pick<Env, "SQUARE_ENVIRONMENT" | "SQUARE_EMULATOR_URL">): string | undefined {
  return env.SQUARE_ENVIRONMENT === "local" ? `${env.SQUARE_EMULATOR_URL.replace(/\/+$/, "")}/web-sdk/v1/square.js` : undefined;
}

/**
 * The checkout page's Content-Security-Policy: Patron's own scripts by nonce, Square's script and
 * frame origins, and nothing else. No 'strict-dynamic', so a script added at run time must still
 * come from one of these origins. Development adds what React's dev tooling needs.
 */
export function checkoutCsp(nonce: string, origins: SquareOrigins, opts: { dev: boolean; https: boolean }): string {
  const list = (...parts: string[]) => parts.filter(Boolean).join(" ");
  return [
    `default-src 'self'`,
    `script-src ${list("'self'", `'nonce-${nonce}'`, ...origins.script, opts.dev ? "'unsafe-eval'" : "")}`,
    `style-src ${list("'self'", opts.dev ? "'unsafe-inline'" : `'nonce-${nonce}'`, ...origins.style)}`,
    `img-src 'self' data:`,
    `font-src ${list("'self'", ...origins.font)}`,
    `connect-src ${list("'self'", ...origins.connect)}`,
    `frame-src ${list(...origins.frame)}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
