import { describe, expect, it } from "vitest";
import { summariseOrders } from "./customer-orders";
import { parseDay } from "./dates";
import { computeRfm, scoreRfm } from "./rfm";
import { RFM_SEGMENTS } from "./rfm-segments";
import { onlineRetailOrders } from "./testing/datasets";

describe("computeRfm", () => {
  it("scores a hand-computed book of five customers", () => {
    const customers = [
      { customer: "a", firstOrderDay: 0, lastOrderDay: 99, orders: 10, revenue: 5000 },
      { customer: "b", firstOrderDay: 0, lastOrderDay: 90, orders: 5, revenue: 3000 },
      { customer: "c", firstOrderDay: 0, lastOrderDay: 60, orders: 3, revenue: 800 },
      { customer: "d", firstOrderDay: 0, lastOrderDay: 10, orders: 8, revenue: 4000 },
      { customer: "e", firstOrderDay: 0, lastOrderDay: 5, orders: 1, revenue: 100 },
    ];
    const rows = computeRfm(customers, 100);
    expect(rows.map((r) => [r.customer, r.recency, r.r, r.f, r.m, r.fm, r.segment])).toEqual([
      ["a", 1, 5, 5, 5, 5, "champions"],
      ["b", 10, 4, 3, 3, 3, "potential_loyalist"],
      ["c", 40, 3, 2, 2, 2, "about_to_sleep"],
      ["d", 90, 2, 4, 4, 4, "at_risk"],
      ["e", 95, 1, 1, 1, 1, "lost"],
    ]);
  });

  it("scores with user thresholds", () => {
    const [row] = computeRfm([{ customer: "a", firstOrderDay: 0, lastOrderDay: 70, orders: 4, revenue: 2500 }], 100, {
      kind: "thresholds",
      recency: [30, 60, 90, 180],
      frequency: [2, 4, 8, 16],
      monetary: [1000, 2500, 5000, 10000],
    });
    expect(row).toMatchObject({ recency: 30, r: 5, f: 3, m: 3, segment: "potential_loyalist" });
  });

  it("refuses a customer whose last order is after the analysis date", () => {
    expect(() => computeRfm([{ customer: "a", firstOrderDay: 0, lastOrderDay: 101, orders: 1, revenue: 1 }], 100)).toThrow(RangeError);
  });

  it("on the Online Retail invoices: known customers and balanced recency quintiles", () => {
    const asOf = parseDay("2011-12-10")!;
    const rows = computeRfm(summariseOrders(onlineRetailOrders(), { asOf }), asOf);
    expect(rows).toHaveLength(4339); // 4,372 customers, 33 of them with cancellations only
    const byId = new Map(rows.map((r) => [r.customer, r]));
    expect(byId.get("12347")).toMatchObject({ recency: 3, frequency: 7, r: 5, f: 5, m: 5, segment: "champions" });
    expect(byId.get("12347")!.monetary).toBeCloseTo(4310, 2);
    // 12346 bought 77,183.60 on 2011-01-18 and cancelled it the same morning: net revenue 0.
    expect(byId.get("12346")).toMatchObject({ recency: 326, frequency: 1, monetary: 0, r: 1, f: 1, segment: "lost" });
    for (let s = 1; s <= 5; s++) {
      const share = rows.filter((r) => r.r === s).length / rows.length;
      expect(share).toBeGreaterThan(0.17);
      expect(share).toBeLessThan(0.23);
    }
  });
});

describe("scoreRfm", () => {
  it("scores columns as computeRfm scores rows, segments as indices into RFM_SEGMENTS", () => {
    const recency = [0, 5, 40, 200, 365, 1];
    const frequency = [12, 3, 1, 1, 2, 30];
    const monetary = [900, 120, 15, -5, 60, 5000];
    const scores = scoreRfm(recency, frequency, monetary);
    const rows = computeRfm(recency.map((days, i) => ({ customer: `c${i}`, firstOrderDay: 1000 - days, lastOrderDay: 1000 - days, orders: frequency[i]!, revenue: monetary[i]! })), 1000);
    expect(rows.map((row) => [row.r, row.f, row.m, row.segment])).toEqual(recency.map((_, i) => [scores.r[i], scores.f[i], scores.m[i], RFM_SEGMENTS[scores.segment[i]!]]));
    expect([RFM_SEGMENTS[scores.segment[0]!], RFM_SEGMENTS[scores.segment[5]!]]).toEqual(["champions", "loyal"]);
  });

  it("scores by thresholds, and refuses a negative recency or columns of different lengths", () => {
    const scoring = { kind: "thresholds" as const, recency: [7, 30, 90, 180] as const, frequency: [2, 4, 8, 16] as const, monetary: [10, 100, 1000, 10000] as const };
    const scores = scoreRfm([3, 400], [20, 1], [50_000, 5], scoring);
    expect([...scores.r, ...scores.f, ...scores.m]).toEqual([5, 1, 5, 1, 5, 1]);
    expect(() => scoreRfm([-1], [1], [1])).toThrow(/after the analysis date/);
    expect(() => scoreRfm([1, 2], [1], [1, 2])).toThrow(RangeError);
  });
});
