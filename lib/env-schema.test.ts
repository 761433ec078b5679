import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, ENV_KEYS, LOCAL_DEFAULTS, parseEnv } from "./env-schema";

const KEY = Buffer.alloc(32, 7).toString("base64");
const production = {
  SQUARE_ENVIRONMENT: "production",
  SQUARE_APPLICATION_ID: "sq0idp-abc",
  SQUARE_APPLICATION_SECRET: "sq0csp-def",
  SQUARE_WEBHOOK_URL: "https://patron.example.com/api/webhooks/square",
  SQUARE_WEBHOOK_SIGNATURE_KEY: "0123456789abcdef0123",
  NEXTAUTH_URL: "https://patron.example.com",
  NEXTAUTH_SECRET: "x".repeat(32),
  PATRON_ENCRYPTION_KEY: KEY,
};

function problemKeys(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => p.key);
    throw err;
  }
  return [];
}

describe("configuration", () => {
  it("needs nothing in local mode: every secret has a development default shared with the local Square", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      SQUARE_ENVIRONMENT: "local",
      SQUARE_EMULATOR_URL: "http://127.0.0.1:4010",
      SQUARE_APPLICATION_ID: LOCAL_DEFAULTS.SQUARE_APPLICATION_ID,
      SQUARE_APPLICATION_SECRET: LOCAL_DEFAULTS.SQUARE_APPLICATION_SECRET,
      SQUARE_WEBHOOK_URL: LOCAL_DEFAULTS.SQUARE_WEBHOOK_URL,
      PORT: 3000,
      NEXTAUTH_URL: "http://localhost:3000",
      PATRON_DATA_DIR: ".data/app",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(Buffer.from(env.PATRON_ENCRYPTION_KEY, "base64")).toHaveLength(32);
  });

  it("derives the app URL from PORT and treats empty values as unset", () => {
    const env = parseEnv({ PORT: "3100", SQUARE_APPLICATION_ID: "", DATABASE_URL: "" });
    expect(env.NEXTAUTH_URL).toBe("http://localhost:3100");
    expect(env.SQUARE_WEBHOOK_URL).toBe("http://localhost:3100/api/webhooks/square");
    expect(env.SQUARE_APPLICATION_ID).toBe(LOCAL_DEFAULTS.SQUARE_APPLICATION_ID);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("reads delays and retries as numbers", () => {
    const env = parseEnv({ PATRON_SQUARE_TIMEOUT_SECONDS: "3", PATRON_SQUARE_MAX_RETRIES: "0", PATRON_TOKEN_REFRESH_MARGIN_SECONDS: "60" });
    expect(env).toMatchObject({ PATRON_SQUARE_TIMEOUT_SECONDS: 3, PATRON_SQUARE_MAX_RETRIES: 0, PATRON_TOKEN_REFRESH_MARGIN_SECONDS: 60 });
  });

  it("accepts a complete production configuration", () => {
    const env = parseEnv(production);
    expect(env).toMatchObject({ SQUARE_ENVIRONMENT: "production", SQUARE_APPLICATION_ID: "sq0idp-abc", NEXTAUTH_URL: "https://patron.example.com" });
  });

  it.each(Object.keys(production).filter((k) => k !== "SQUARE_ENVIRONMENT"))("stops production start-up when %s is missing, naming it", (key) => {
    const source: Record<string, string | undefined> = { ...production, [key]: undefined };
    expect(() => parseEnv(source)).toThrow(new RegExp(`^  ${key} is missing$`, "m"));
    expect(problemKeys(source)).toEqual([key]);
  });

  it("names every missing key at once in sandbox", () => {
    expect(problemKeys({ SQUARE_ENVIRONMENT: "sandbox" }).sort()).toEqual(
      ["NEXTAUTH_SECRET", "NEXTAUTH_URL", "PATRON_ENCRYPTION_KEY", "SQUARE_APPLICATION_ID", "SQUARE_APPLICATION_SECRET", "SQUARE_WEBHOOK_SIGNATURE_KEY", "SQUARE_WEBHOOK_URL"].sort(),
    );
  });

  it.each([
    ["SQUARE_APPLICATION_ID", "sandbox-sq0idb-abc", /production application ID/],
    ["SQUARE_APPLICATION_SECRET", "sandbox-sq0csb-def", /production application secret/],
    ["PATRON_ENCRYPTION_KEY", Buffer.alloc(16).toString("base64"), /32 random bytes/],
    ["NEXTAUTH_SECRET", "short", /at least 32 characters/],
    ["NEXTAUTH_URL", "patron.example.com", /http\(s\) URL/],
    ["SQUARE_WEBHOOK_URL", "ftp://patron.example.com/hook", /http\(s\) URL/],
  ])("refuses a malformed %s in production", (key, value, message) => {
    expect(() => parseEnv({ ...production, [key]: value })).toThrow(message);
    expect(problemKeys({ ...production, [key]: value })).toEqual([key]);
  });

  it("refuses local-mode credentials in sandbox", () => {
    const sandbox = { ...production, SQUARE_ENVIRONMENT: "sandbox", SQUARE_APPLICATION_ID: "sq0idp-abc", SQUARE_APPLICATION_SECRET: "sandbox-sq0csb-x" };
    expect(problemKeys(sandbox)).toEqual(["SQUARE_APPLICATION_ID"]);
  });

  it("refuses an unknown environment, a bad port and a non-postgres DATABASE_URL", () => {
    expect(problemKeys({ SQUARE_ENVIRONMENT: "staging" })).toEqual(["SQUARE_ENVIRONMENT"]);
    expect(problemKeys({ PORT: "http" })).toEqual(["PORT"]);
    expect(problemKeys({ DATABASE_URL: "mysql://x/y" })).toEqual(["DATABASE_URL"]);
    expect(parseEnv({ DATABASE_URL: "postgres://u@localhost:5432/patron" }).DATABASE_URL).toBe("postgres://u@localhost:5432/patron");
  });
});

describe(".env.example", () => {
  const lines = fs.readFileSync(".env.example", "utf8").split("\n");
  const keys = lines.map((l) => /^([A-Z0-9_]+)=/.exec(l)?.[1]).filter((k): k is string => !!k);

  it("lists every key Patron reads, each once, with a comment above it", () => {
    expect([...keys].sort()).toEqual(ENV_KEYS);
    for (const key of keys) {
      const at = lines.findIndex((l) => l.startsWith(`${key}=`));
      expect(lines[at - 1], `comment above ${key}`).toMatch(/^# \S/);
    }
  });

  it("is itself a valid local configuration", () => {
    const source = Object.fromEntries(lines.map((l) => /^([A-Z0-9_]+)=(.*)$/.exec(l)).filter((m) => !!m).map((m) => [m[1], m[2]]));
    expect(parseEnv(source).SQUARE_ENVIRONMENT).toBe("local");
  });
});
