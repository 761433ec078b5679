import { describe, expect, it } from "vitest";
import { resilientFetch } from "./resilient-fetch";

const reset = () => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });

function fake(failures: (() => Error)[]) {
  let calls = 0;
  const base = (async () => {
    const failure = failures[calls++];
    if (failure) throw failure();
    return new Response("ok");
  }) as unknown as typeof fetch;
  return { fetch: resilientFetch(base), calls: () => calls };
}

describe("resilientFetch", () => {
  it("sends again when the connection was reset under the request", async () => {
    const f = fake([reset, reset]);
    expect(await (await f.fetch("http://square.test/v2/payments")).text()).toBe("ok");
    expect(f.calls()).toBe(3);
  });

  it("gives up after four retries, and never retries other failures or a timed-out request", async () => {
    const f = fake([reset, reset, reset, reset, reset]);
    await expect(f.fetch("http://square.test")).rejects.toThrow("fetch failed");
    expect(f.calls()).toBe(5);
    const bug = fake([() => new TypeError("bad url")]);
    await expect(bug.fetch("http://square.test")).rejects.toThrow("bad url");
    expect(bug.calls()).toBe(1);
    const timedOut = fake([reset]);
    await expect(timedOut.fetch("http://square.test", { signal: AbortSignal.abort() })).rejects.toThrow("fetch failed");
    expect(timedOut.calls()).toBe(1);
  });
});
