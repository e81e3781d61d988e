import { describe, expect, it } from "vitest";
import { CustomerOrdersAccumulator, placeInWindow, summariseOrders } from "./customer-orders";

describe("placeInWindow", () => {
  it("keeps asOf itself and exactly lookbackDays days ending on it", () => {
    const window = { asOf: 100, lookbackDays: 10 };
    expect(placeInWindow(100, window)).toBe("in");
    expect(placeInWindow(101, window)).toBe("future");
    expect(placeInWindow(91, window)).toBe("in");
    expect(placeInWindow(90, window)).toBe("before-window");
    expect(placeInWindow(-5000, { asOf: 100 })).toBe("in");
  });
});

describe("summariseOrders", () => {
  it("counts orders, nets credit notes and ignores them for dates", () => {
    const rows = summariseOrders(
      [
        { customer: "b", day: 5, amount: 100 },
        { customer: "a", day: 3, amount: 50 },
        { customer: "b", day: 9, amount: -30 },
        { customer: "b", day: 2, amount: 0 },
        { customer: "c", day: 4, amount: -10 },
      ],
      { asOf: 10 },
    );
    expect(rows).toEqual([
      { customer: "a", firstOrderDay: 3, lastOrderDay: 3, orders: 1, revenue: 50 },
      { customer: "b", firstOrderDay: 2, lastOrderDay: 5, orders: 2, revenue: 70 },
    ]);
  });
  it("applies a credit note that came before the customer's first order", () => {
    const rows = summariseOrders(
      [
        { customer: "a", day: 1, amount: -20 },
        { customer: "a", day: 2, amount: 50 },
      ],
      { asOf: 10 },
    );
    expect(rows[0]?.revenue).toBe(30);
  });
  it("counts what it skipped: future, before the window, non-finite amounts", () => {
    const acc = new CustomerOrdersAccumulator({ asOf: 10, lookbackDays: 5 });
    acc.add({ customer: "a", day: 11, amount: 1 });
    acc.add({ customer: "a", day: 5, amount: 1 });
    acc.add({ customer: "a", day: 6, amount: Number.NaN });
    acc.add({ customer: "a", day: 6, amount: 1 });
    acc.add({ customer: "z", day: 7, amount: -1 });
    expect(acc.skipped).toEqual({ future: 1, "before-window": 1, "invalid-amount": 1 });
    expect(acc.accepted).toBe(2);
    expect(acc.creditOnlyCustomers).toBe(1);
    expect(acc.customers()).toHaveLength(1);
  });
});
