import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPostgresBin } from "./postgres";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "patron-pgbin-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function fakeVersion(version: string) {
  const bin = path.join(root, version, "bin");
  fs.mkdirSync(bin, { recursive: true });
  for (const tool of ["initdb", "pg_ctl"]) fs.writeFileSync(path.join(bin, tool), "");
  return bin;
}

describe("finding PostgreSQL for the data-layer tests", () => {
  it("fails with install instructions when initdb is nowhere to be found", () => {
    expect(() => findPostgresBin({ PATH: "" }, path.join(root, "missing"))).toThrow(/apt-get install -y postgresql/);
  });

  it("prefers the newest Debian version, and PATRON_TEST_PG_BIN over both", () => {
    fakeVersion("13");
    const newest = fakeVersion("16");
    expect(findPostgresBin({ PATH: "" }, root)).toBe(newest);
    const custom = fakeVersion("custom");
    expect(findPostgresBin({ PATH: "", PATRON_TEST_PG_BIN: custom }, root)).toBe(custom);
  });
});
