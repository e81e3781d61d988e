import fc from "fast-check";
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

describe("CustomerOrdersAccumulator against its rules", () => {
  const order = fc.record({
    customer: fc.constantFrom("a", "b", "c", "d", "e", "f"),
    day: fc.integer({ min: -20, max: 40 }),
    amount: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY)),
  });

  it("sums, counts and dates each customer's orders as the rules say, in any order and past its first size", () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 300 }), fc.integer({ min: 0, max: 30 }), fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }), (orders, asOf, lookbackDays) => {
        const window = { asOf, lookbackDays };
        const acc = new CustomerOrdersAccumulator(window);
        orders.forEach((o, i) => (i % 2 === 0 ? acc.add(o) : acc.addOrder(o.customer, o.day, o.amount)));
        // The rules, one customer at a time, over the orders as they came.
        const counted = orders.filter((o) => Number.isFinite(o.amount) && placeInWindow(o.day, window) === "in");
        const customers = [...new Set(counted.map((o) => o.customer))].sort();
        const expected = customers.flatMap((customer) => {
          const own = counted.filter((o) => o.customer === customer);
          const bought = own.filter((o) => o.amount >= 0);
          if (bought.length === 0) return [];
          const revenue = own.reduce((sum, o) => sum + o.amount, 0);
          const days = bought.map((o) => o.day);
          return [{ customer, firstOrderDay: Math.min(...days), lastOrderDay: Math.max(...days), orders: bought.length, revenue }];
        });
        expect(acc.customers()).toEqual(expected);
        expect(acc.creditOnlyCustomers).toBe(customers.length - expected.length);
        expect(acc.accepted).toBe(counted.length);
        expect(acc.skipped["invalid-amount"]).toBe(orders.filter((o) => !Number.isFinite(o.amount)).length);
      }),
    );
  });

  it("keeps every customer when there are more than its first room holds", () => {
    const acc = new CustomerOrdersAccumulator({ asOf: 10 });
    for (let i = 0; i < 5000; i++) acc.addOrder(`c${String(i).padStart(5, "0")}`, i % 10, i);
    const customers = acc.customers();
    expect(customers).toHaveLength(5000);
    expect(customers[4999]).toEqual({ customer: "c04999", firstOrderDay: 9, lastOrderDay: 9, orders: 1, revenue: 4999 });
  });
});
