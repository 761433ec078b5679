import { describe, expect, it } from "vitest";
import { checkoutCsp, squareOrigins, webSdkScriptSrc } from "./csp";

const local = { SQUARE_ENVIRONMENT: "local" as const, SQUARE_EMULATOR_URL: "http://127.0.0.1:4010/" };

describe("the checkout page's Content-Security-Policy", () => {
  it("allows Patron's nonce'd scripts and the local Square's script and frame origin, and nothing else", () => {
    const policy = checkoutCsp("abc123", squareOrigins(local), { dev: false, https: false });
    const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives["script-src"]).toEqual(["'self'", "'nonce-abc123'", "http://127.0.0.1:4010"]);
    expect(directives["frame-src"]).toEqual(["http://127.0.0.1:4010"]);
    expect(directives["connect-src"]).toEqual(["'self'", "http://127.0.0.1:4010"]);
    expect(directives["style-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic|\*/);
  });

  it("uses Square's own origins in sandbox and production, and upgrades requests over HTTPS", () => {
    const sandbox = checkoutCsp("n", squareOrigins({ SQUARE_ENVIRONMENT: "sandbox", SQUARE_EMULATOR_URL: "" }), { dev: false, https: true });
    expect(sandbox).toContain("script-src 'self' 'nonce-n' https://sandbox.web.squarecdn.com");
    expect(sandbox).toContain("upgrade-insecure-requests");
    expect(checkoutCsp("n", squareOrigins({ SQUARE_ENVIRONMENT: "production", SQUARE_EMULATOR_URL: "" }), { dev: false, https: true })).toContain("https://web.squarecdn.com");
  });

  it("lets React's development tooling evaluate code only under next dev", () => {
    expect(checkoutCsp("n", squareOrigins(local), { dev: true, https: false })).toContain("'unsafe-eval'");
  });

  it("loads the SDK from the local Square's stand-in in local mode, and from Square's CDN otherwise", () => {
    expect(webSdkScriptSrc(local)).toBe("http://127.0.0.1:4010/web-sdk/v1/square.js");
    expect(webSdkScriptSrc({ SQUARE_ENVIRONMENT: "production", SQUARE_EMULATOR_URL: "" })).toBeUndefined();
  });
});
