import { describe, expect, it } from "vitest";
import { isSquareId, OrderFiltersSchema, parseFilters, PaymentFiltersSchema, ReportFiltersSchema } from "./history";

describe("history filters from the URL", () => {
  it("accepts well-formed filters and treats empty values as any", () => {
    expect(parseFilters(OrderFiltersSchema, { from: "2026-03-01", to: "2026-03-31", state: "COMPLETED", source: "Square Online", customer: "", location: "" })).toEqual({
      ok: true,
      filters: { from: "2026-03-01", to: "2026-03-31", state: "COMPLETED", source: "Square Online" },
    });
    expect(parseFilters(PaymentFiltersSchema, new URLSearchParams("status=FAILED&brand=SQUARE_GIFT_CARD&utm_source=mail"))).toEqual({
      ok: true,
      filters: { status: "FAILED", brand: "SQUARE_GIFT_CARD" },
    });
    expect(parseFilters(ReportFiltersSchema, { period: "week" })).toEqual({ ok: true, filters: { period: "week" } });
  });

  it("names each bad filter in words a seller can act on", () => {
    const result = parseFilters(PaymentFiltersSchema, { from: "2026-02-30", to: "March", status: "PAID", brand: "visa", location: "../etc", customer: "maybe" });
    expect(result).toEqual({
      ok: false,
      problems: [
        "“From” is not a real date.",
        "“To” must be a date like 2026-03-01.",
        "“Location” is not a valid id.",
        "“Customer” must be one of with, without.",
        "“Status” must be one of COMPLETED, APPROVED, PENDING, CANCELED, FAILED.",
        "“Card brand” must be one of VISA, MASTERCARD, AMERICAN_EXPRESS, DISCOVER, DISCOVER_DINERS, JCB, CHINA_UNIONPAY, SQUARE_GIFT_CARD, INTERAC, EFTPOS, FELICA, EBT, OTHER_BRAND.",
      ],
    });
  });

  it("refuses repeated keys, backwards ranges and forged page positions", () => {
    expect(parseFilters(OrderFiltersSchema, new URLSearchParams("state=OPEN&state=COMPLETED"))).toEqual({ ok: false, problems: ["Give “State” once."] });
    expect(parseFilters(OrderFiltersSchema, { from: "2026-03-05", to: "2026-03-01" })).toEqual({ ok: false, problems: ["“To” must be on or after “From”."] });
    expect(parseFilters(OrderFiltersSchema, { cursor: "2026-03-01T02:00:00.000Z|O1" })).toMatchObject({ ok: true });
    expect(parseFilters(OrderFiltersSchema, { cursor: "x'); DROP TABLE orders;--" })).toEqual({ ok: false, problems: ["The page link is not valid; start from the first page."] });
  });

  it("knows what a Square id in a URL path may look like", () => {
    expect(isSquareId("x62hEwJGMdyLCKOzAJ5a5QJbnneV")).toBe(true);
    expect(isSquareId("gftc:abc_DEF-1")).toBe(true);
    expect(isSquareId("../../etc/passwd")).toBe(false);
    expect(isSquareId("")).toBe(false);
  });
});
