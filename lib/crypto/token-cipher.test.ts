import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher } from "./token-cipher";

const key = () => randomBytes(32).toString("base64");

describe("token cipher", () => {
  it("round-trips a token and never stores it in the clear", () => {
    const cipher = createTokenCipher(key());
    const stored = cipher.encrypt("EAAAtoken-secret");
    expect(stored).not.toContain("EAAAtoken-secret");
    expect(stored.startsWith("v1.")).toBe(true);
    expect(cipher.decrypt(stored)).toBe("EAAAtoken-secret");
  });

  it("uses a fresh IV, so equal tokens encrypt differently", () => {
    const cipher = createTokenCipher(key());
    expect(cipher.encrypt("same")).not.toBe(cipher.encrypt("same"));
  });

  it("refuses a value encrypted with another key", () => {
    const stored = createTokenCipher(key()).encrypt("EAAAtoken");
    expect(() => createTokenCipher(key()).decrypt(stored)).toThrow();
  });

  it("refuses a tampered value", () => {
    const cipher = createTokenCipher(key());
    const [v, iv, tag, body] = cipher.encrypt("EAAAtoken").split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => createTokenCipher(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
