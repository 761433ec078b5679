import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GLOBAL, Store } from "./store";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-store-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("Store", () => {
  it("persists rows, bigints included, across a reopen", () => {
    const dir = tempDir();
    const store = Store.open(dir);
    const money = store.table<{ amount: bigint }>("money");
    money.put("M1", "a", { amount: 9007199254740993n });
    money.put("M2", "b", { amount: 1n });
    money.delete("M2", "b");
    store.close();

    const reopened = Store.open(dir);
    const table = reopened.table<{ amount: bigint }>("money");
    expect(table.get("M1", "a")).toEqual({ amount: 9007199254740993n });
    expect(table.get("M2", "b")).toBeUndefined();
    reopened.close();
  });

  it("keeps sellers apart", () => {
    const store = Store.open("memory");
    const t = store.table<string>("things");
    t.put("A", "1", "a's");
    expect(t.get("B", "1")).toBeUndefined();
    expect([...t.values("A")]).toEqual(["a's"]);
    expect(t.count(GLOBAL)).toBe(0);
  });

  it("stamps each seller's table on every write, and never reuses a stamp after reset", () => {
    const store = Store.open("memory");
    const t = store.table<number>("n");
    expect(t.stamp("A")).toBe(0);
    t.put("A", "1", 1);
    const first = t.stamp("A");
    t.put("B", "1", 1);
    expect(t.stamp("A")).toBe(first);
    t.delete("A", "1");
    const second = t.stamp("A");
    expect(second).toBeGreaterThan(first);
    store.reset();
    expect(t.stamp("A")).toBe(0);
    t.put("A", "1", 1);
    expect(t.stamp("A")).toBeGreaterThan(second);
  });

  it("tells a table's observers each write with the row it replaced, and each reset", () => {
    const store = Store.open("memory");
    const seen: unknown[] = [];
    store.observe("n", { changed: (...args) => seen.push(args), reset: () => seen.push("reset") });
    const t = store.table<number>("n");
    t.put("A", "1", 1);
    t.put("A", "1", 2);
    store.table<number>("other").put("A", "1", 9);
    t.delete("A", "1");
    store.reset();
    expect(seen).toEqual([["A", "1", 1, undefined], ["A", "1", 2, 1], ["A", "1", null, 2], "reset"]);
  });

  it("survives a torn final write", () => {
    const dir = tempDir();
    const store = Store.open(dir);
    store.table<number>("n").put(GLOBAL, "x", 1);
    store.close();
    fs.appendFileSync(path.join(dir, "wal.jsonl"), '{"t":"n","m":"","k":"y","v":');
    const reopened = Store.open(dir);
    expect(reopened.table<number>("n").get(GLOBAL, "x")).toBe(1);
    expect(reopened.table<number>("n").get(GLOBAL, "y")).toBeUndefined();
    reopened.close();
  });

  it("bulk loads write one snapshot instead of a log entry per row", () => {
    const dir = tempDir();
    const store = Store.open(dir);
    store.bulk(() => {
      const t = store.table<number>("n");
      for (let i = 0; i < 1000; i++) t.put("M", String(i), i);
    });
    expect(fs.statSync(path.join(dir, "wal.jsonl")).size).toBe(0);
    store.close();
    expect(Store.open(dir).table<number>("n").count("M")).toBe(1000);
  });
});
