import { describe, expect, it } from "vitest";
import { flattenAliases, survivingId } from "./aliases";
import { attributeOrder, attributePayment, NO_CUSTOMER, type Attribution, type OrderFacts, type PaymentFacts } from "./attribution";

const none = new Map<string, string>();
const merged = new Map([
  ["A", "C"],
  ["B", "C"],
  ["C", "E"],
  ["D", "E"],
]);

describe("survivingId", () => {
  it.each([
    ["X", none, "X"],
    ["A", merged, "E"],
    ["C", merged, "E"],
    ["E", merged, "E"],
  ])("%s resolves", (id, aliases, expected) => expect(survivingId(aliases, id)).toBe(expected));

  it("stops on a cycle instead of spinning", () => {
    expect(survivingId(new Map([["P", "Q"], ["Q", "P"]]), "P")).toBe("Q");
  });

  it("flattens chains", () => {
    expect(Object.fromEntries(flattenAliases(merged))).toEqual({ A: "E", B: "E", C: "E", D: "E" });
  });
});

describe("attributePayment", () => {
  const cases: [string, PaymentFacts, OrderFacts | undefined, Map<string, string>, Attribution][] = [
    ["its own customer", { id: "p", customerId: "X" }, { customerId: "Y" }, none, { customerId: "X", source: "payment", mergedFrom: null }],
    ["the order's customer when it has none", { id: "p" }, { customerId: "Y" }, none, { customerId: "Y", source: "order", mergedFrom: null }],
    ["no customer anywhere", { id: "p", customerId: null }, { customerId: null }, none, NO_CUSTOMER],
    ["no customer and no order", { id: "p" }, undefined, none, NO_CUSTOMER],
    ["a merged customer's survivor", { id: "p", customerId: "A" }, undefined, merged, { customerId: "E", source: "payment", mergedFrom: "A" }],
    ["late assignment (customer set on the payment later)", { id: "p", customerId: "LATE" }, {}, none, { customerId: "LATE", source: "payment", mergedFrom: null }],
    ["the order's customer through a merge", { id: "p", customerId: null }, { customerId: "B" }, merged, { customerId: "E", source: "order", mergedFrom: "B" }],
    ["a surviving profile's own id is not 'merged from'", { id: "p", customerId: "E" }, undefined, merged, { customerId: "E", source: "payment", mergedFrom: null }],
    ["an empty string is no customer", { id: "p", customerId: "" }, { customerId: "" }, none, NO_CUSTOMER],
  ];
  it.each(cases)("%s", (_name, payment, order, aliases, expected) => {
    expect(attributePayment(payment, order, aliases)).toEqual(expected);
  });
});

describe("attributeOrder", () => {
  const cases: [string, OrderFacts, PaymentFacts[], Map<string, string>, Attribution[]][] = [
    ["no customer on the order, customer on the payment (Square Online)", {}, [{ id: "p", customerId: "X" }], none, [{ customerId: "X", source: "payment", mergedFrom: null }]],
    ["payment customer wins over the order's", { customerId: "Y" }, [{ id: "p", customerId: "X" }], none, [{ customerId: "X", source: "payment", mergedFrom: null }]],
    ["order customer when no payment has one", { customerId: "Y" }, [{ id: "p" }], none, [{ customerId: "Y", source: "order", mergedFrom: null }]],
    ["unpaid order with a customer", { customerId: "Y" }, [], none, [{ customerId: "Y", source: "order", mergedFrom: null }]],
    [
      "two payments, two customers",
      {},
      [
        { id: "p1", customerId: "X" },
        { id: "p2", customerId: "Z" },
      ],
      none,
      [
        { customerId: "X", source: "payment", mergedFrom: null },
        { customerId: "Z", source: "payment", mergedFrom: null },
      ],
    ],
    [
      "two payments by profiles merged into one",
      {},
      [
        { id: "p1", customerId: "A" },
        { id: "p2", customerId: "B" },
      ],
      merged,
      [{ customerId: "E", source: "payment", mergedFrom: "A" }],
    ],
    ["merge chain on the order's customer", { customerId: "D" }, [], merged, [{ customerId: "E", source: "order", mergedFrom: "D" }]],
    ["nobody at all", {}, [{ id: "p" }], none, [NO_CUSTOMER]],
    [
      "one payment names a customer, the other nobody: the customer, not 'no customer' too",
      { customerId: "Y" },
      [{ id: "p1" }, { id: "p2", customerId: "X" }],
      none,
      [{ customerId: "X", source: "payment", mergedFrom: null }],
    ],
    [
      "the same customer on two payments counts once",
      {},
      [
        { id: "p1", customerId: "X" },
        { id: "p2", customerId: "X" },
      ],
      none,
      [{ customerId: "X", source: "payment", mergedFrom: null }],
    ],
    ["a flattened alias map gives what the chain gives", { customerId: "A" }, [], flattenAliases(merged), [{ customerId: "E", source: "order", mergedFrom: "A" }]],
  ];
  it.each(cases)("%s", (_name, order, payments, aliases, expected) => {
    expect(attributeOrder(order, payments, aliases)).toEqual(expected);
  });

  it("keeps a deleted customer's id: deletion is shown by the view, the sale is not dropped", () => {
    expect(attributeOrder({}, [{ id: "p", customerId: "GONE" }], none)).toEqual([{ customerId: "GONE", source: "payment", mergedFrom: null }]);
  });
});
