import { describe, expect, it } from "vitest";
import { defaultPeriod, MAX_DAYS, presetRange, resolveRange } from "./range";
import { addDays, daysBetween, isTimeZone, localDate, localToday, startOfLocalDay } from "./time-zone";

describe("local days in a shop's time zone", () => {
  it("starts a day at local midnight, across daylight saving changes", () => {
    expect(startOfLocalDay("2026-03-01", "America/Los_Angeles")).toBe("2026-03-01T08:00:00.000Z");
    // Clocks go forward on 8 March 2026 at 02:00; that day still starts at midnight PST.
    expect(startOfLocalDay("2026-03-08", "America/Los_Angeles")).toBe("2026-03-08T08:00:00.000Z");
    expect(startOfLocalDay("2026-03-09", "America/Los_Angeles")).toBe("2026-03-09T07:00:00.000Z");
    expect(startOfLocalDay("2026-11-02", "America/Los_Angeles")).toBe("2026-11-02T08:00:00.000Z");
    expect(startOfLocalDay("2026-06-15", "Asia/Kolkata")).toBe("2026-06-14T18:30:00.000Z");
    expect(startOfLocalDay("2026-06-15", "UTC")).toBe("2026-06-15T00:00:00.000Z");
  });

  it("reads an instant's local date and today's date in the zone", () => {
    expect(localDate("2026-03-01T07:59:59.000Z", "America/Los_Angeles")).toBe("2026-02-28");
    expect(localDate("2026-03-01T08:00:00.000Z", "America/Los_Angeles")).toBe("2026-03-01");
    expect(localToday("Pacific/Auckland", new Date("2026-03-01T12:00:00Z"))).toBe("2026-03-02");
  });

  it("does calendar arithmetic and knows real zones", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-02-01", "2026-03-01")).toBe(28);
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("resolveRange", () => {
  const now = new Date("2026-03-10T20:00:00Z"); // 10 March in Los Angeles
  const LA = "America/Los_Angeles";

  it("defaults to the last 30 local days, today included", () => {
    const r = resolveRange({}, LA, now);
    expect(r).toEqual({
      ok: true,
      range: { from: "2026-02-09", to: "2026-03-10", timezone: LA, fromAt: "2026-02-09T08:00:00.000Z", toAt: "2026-03-11T07:00:00.000Z", days: 30 },
    });
  });

  it("runs a lone From to today and starts a lone To 29 days earlier", () => {
    expect(resolveRange({ from: "2026-03-01" }, LA, now)).toMatchObject({ ok: true, range: { from: "2026-03-01", to: "2026-03-10", days: 10 } });
    expect(resolveRange({ to: "2026-01-31" }, LA, now)).toMatchObject({ ok: true, range: { from: "2026-01-02", to: "2026-01-31" } });
    expect(resolveRange({ from: "2026-04-01" }, LA, now)).toMatchObject({ ok: true, range: { from: "2026-04-01", to: "2026-04-01", days: 1 } });
  });

  it("refuses backwards and overlong ranges with a reason", () => {
    expect(resolveRange({ from: "2026-03-05", to: "2026-03-01" }, LA, now)).toEqual({ ok: false, problem: "“To” must be on or after “From”." });
    expect(resolveRange({ from: "2000-01-01", to: "2026-01-01" }, LA, now)).toMatchObject({ ok: false, problem: expect.stringContaining(`${MAX_DAYS.toLocaleString("en-US")} days`) });
  });

  it("offers quick ranges ending today and groups long ranges by week", () => {
    expect(presetRange(7, LA, now)).toEqual({ from: "2026-03-04", to: "2026-03-10" });
    expect(defaultPeriod({ days: 92 })).toBe("day");
    expect(defaultPeriod({ days: 93 })).toBe("week");
  });
});
