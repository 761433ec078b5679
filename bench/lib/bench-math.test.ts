import { describe, expect, it } from "vitest";
import { csvRecords, toCents } from "./csv";
import { baselineTiming, type LiveWalk } from "./live-walk";
import { spread } from "./percentiles";

describe("the bench's arithmetic", () => {
  it("takes nearest-rank percentiles without interpolating", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1, unsorted on purpose
    expect(spread(twenty)).toEqual({ p50: 10, p95: 19, min: 1, max: 20, n: 20 });
    expect(spread([7])).toMatchObject({ p50: 7, p95: 7 });
  });

  it("scales a partial live walk's tender phase to every tender, and says so", () => {
    const walk: LiveWalk = { orders: 900, totalTenders: 1000, walkedTenders: 100, tenders: [], searchCalls: 3, tenderCalls: 180, searchMs: 200, tenderMs: 11_000 };
    expect(baselineTiming(walk)).toEqual({ ms: 200 + 110_000, squareCalls: 3 + 1800, extrapolated: true, sampledTenders: 100, totalTenders: 1000 });
    expect(baselineTiming({ ...walk, walkedTenders: 1000, tenderCalls: 1900 })).toMatchObject({ ms: 11_200, squareCalls: 1903, extrapolated: false });
  });

  it("reads the app's CSV exports (byte-order mark, CRLF, quotes) and money", () => {
    const csv = '\uFEFFFigure,Value,Currency\r\nRevenue,1234.56,USD\r\n"Said ""hi"", twice",3,\r\n';
    expect(csvRecords(csv)).toEqual([
      { Figure: "Revenue", Value: "1234.56", Currency: "USD" },
      { Figure: 'Said "hi", twice', Value: "3", Currency: "" },
    ]);
    expect(toCents("$1,234.56")).toBe(123456);
    expect(toCents("0.1")).toBe(10);
  });
});
