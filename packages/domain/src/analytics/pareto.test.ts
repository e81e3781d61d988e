import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summariseOrders } from "./customer-orders";
import { parseDay } from "./dates";
import { ABC_CLASSES, classifyAbc, computePareto, gini, paretoOf, topShare } from "./pareto";
import { onlineRetailOrders } from "./testing/datasets";

describe("gini", () => {
  it("matches hand-computed values", () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    // one of four holds everything: (n − 1)/n
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
    // Σ|xi − xj| over ordered pairs of 1,2,3 = 8; 8 / (2 · 9 · 2) = 2/9
    expect(gini([3, 1, 2])).toBeCloseTo(2 / 9, 12);
    // 1,2,3,4: Σ|xi − xj| = 20; 20 / (2 · 16 · 2.5) = 0.25
    expect(gini([4, 3, 2, 1])).toBeCloseTo(0.25, 12);
    expect(gini([])).toBe(0);
    expect(gini([5])).toBe(0);
    expect(gini([0, 0])).toBe(0);
  });
  it("property: in [0, 1), 0 when all equal, equals the pairwise-difference definition", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
        const g = gini(values);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(1);
        const n = values.length;
        const total = values.reduce((s, v) => s + v, 0);
        if (total > 0) {
          let pairs = 0;
          for (const x of values) for (const y of values) pairs += Math.abs(x - y);
          expect(g).toBeCloseTo(pairs / (2 * n * total), 9);
        }
        expect(gini(values.map(() => values[0]!))).toBeCloseTo(0, 12);
      }),
    );
  });
});

describe("classifyAbc", () => {
  const cut = { a: 0.8, b: 0.15 };
  it("A while the share before is below 80%, B below 95%, then C; no revenue is C", () => {
    expect(classifyAbc(0, 1, cut)).toBe("A");
    expect(classifyAbc(0.7999, 1, cut)).toBe("A");
    expect(classifyAbc(0.8, 1, cut)).toBe("B");
    expect(classifyAbc(0.9499, 1, cut)).toBe("B");
    expect(classifyAbc(0.95, 1, cut)).toBe("C");
    expect(classifyAbc(0, 0, cut)).toBe("C");
  });
});

describe("computePareto", () => {
  it("ranks, accumulates and classifies a hand-computed book", () => {
    const result = computePareto([
      { customer: "c", revenue: 50 },
      { customer: "a", revenue: 700 },
      { customer: "b", revenue: 150 },
      { customer: "e", revenue: 50 },
      { customer: "d", revenue: 50 },
      { customer: "x", revenue: -20 },
    ]);
    expect(result.customers.map((r) => [r.customer, r.share, r.cumulativeShare, r.class])).toEqual([
      ["a", 0.7, 0.7, "A"],
      ["b", 0.15, 0.85, "A"], // crosses 80%: still A
      ["c", 0.05, 0.9, "B"],
      ["d", 0.05, 0.95, "B"],
      ["e", 0.05, 1, "C"],
      ["x", 0, 1, "C"],
    ]);
    expect(result.customers[1]!.cumulativeShare).toBeCloseTo(0.85, 12);
    expect(result.summary).toMatchObject({ customers: 6, totalRevenue: 980, classCounts: { A: 2, B: 2, C: 2 } });
    // top 20% of 6 customers = ceil(1.2) = 2 customers: 850 / 1000
    expect(result.summary.top20Share).toBeCloseTo(0.85, 12);
  });
  it("handles an empty book and an all-zero book", () => {
    expect(computePareto([]).summary).toEqual({ customers: 0, totalRevenue: 0, top20Share: 0, gini: 0, classCounts: { A: 0, B: 0, C: 0 } });
    expect(computePareto([{ customer: "a", revenue: 0 }]).customers[0]).toMatchObject({ share: 0, class: "C" });
  });
  it("rejects cut-offs above 100%", () => {
    expect(() => computePareto([], { a: 0.9, b: 0.2 })).toThrow(RangeError);
  });
  it("on the Online Retail invoices: a Pareto-shaped book", () => {
    const asOf = parseDay("2011-12-10")!;
    const result = computePareto(summariseOrders(onlineRetailOrders(), { asOf }).map((c) => ({ customer: c.customer, revenue: c.revenue })));
    const { summary } = result;
    expect(summary.customers).toBe(4339);
    expect(summary.top20Share).toBeGreaterThan(0.7);
    expect(summary.top20Share).toBeLessThan(0.8);
    expect(summary.gini).toBeGreaterThan(0.7);
    expect(summary.gini).toBeLessThan(0.9);
    expect(summary.classCounts.A + summary.classCounts.B + summary.classCounts.C).toBe(4339);
    expect(result.customers[result.customers.length - 1]!.cumulativeShare).toBeCloseTo(1, 9);
    expect(topShare([5, 3, 2], 10, 0.2)).toBe(0.5);
  });
});

describe("paretoOf", () => {
  it("gives computePareto's figures by position, ranks with equal revenue by id, classes as indices into ABC_CLASSES", () => {
    const ids = ["d", "a", "c", "b"];
    const revenue = [50, 300, 50, -10];
    const p = paretoOf(revenue, ids);
    expect([...p.rank]).toEqual([3, 1, 2, 4]);
    const rows = computePareto(ids.map((customer, i) => ({ customer, revenue: revenue[i]! })));
    expect(rows.customers.map((r) => r.customer)).toEqual(["a", "c", "d", "b"]);
    for (const [i, id] of ids.entries()) {
      const row = rows.customers.find((r) => r.customer === id)!;
      expect([p.share[i], p.cumulativeShare[i], ABC_CLASSES[p.abcClass[i]!]]).toEqual([row.share, row.cumulativeShare, row.class]);
    }
    expect(p.summary).toEqual(rows.summary);
    expect(() => paretoOf([1], ["a"], { a: 0, b: 0.5 })).toThrow(/cut-offs/);
  });
});
