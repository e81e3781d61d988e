import { describe, expect, it } from "vitest";
import { parseDay } from "../dates";
import { cdnowSampleOrders, cdnowSummary } from "../testing/datasets";
import { summariseForClv } from "./summary";

describe("summariseForClv", () => {
  it("merges same-day orders, counts repeat days and measures in weeks (hand-computed)", () => {
    const rows = summariseForClv(
      [
        { customer: "a", day: 0, amount: 10 },
        { customer: "a", day: 0, amount: 5 }, // same day: one purchase of 15
        { customer: "a", day: 7, amount: 20 },
        { customer: "a", day: 14, amount: 0 }, // a free purchase is a purchase
        { customer: "a", day: 14, amount: 4 },
        { customer: "a", day: 21, amount: -8 }, // a return is not
        { customer: "a", day: 29, amount: 99 }, // after calibration
        { customer: "b", day: 28, amount: 1 },
        { customer: "c", day: 29, amount: 1 }, // first purchase after calibration: left out
      ],
      28,
    );
    expect(rows).toEqual([
      { customer: "a", frequency: 2, recency: 2, T: 4, monetaryValue: 12 },
      { customer: "b", frequency: 0, recency: 0, T: 0, monetaryValue: 0 },
    ]);
  });
  it("uses days and twelfths of a year for the other time units", () => {
    const orders = [
      { customer: "a", day: 0, amount: 1 },
      { customer: "a", day: 3, amount: 1 },
    ];
    expect(summariseForClv(orders, 10, "day")[0]).toMatchObject({ recency: 3, T: 10 });
    expect(summariseForClv(orders, 365.25 / 12, "month")[0]!.T).toBeCloseTo(1, 12);
  });
  it("reproduces the literature's CDNOW summary from the raw transactions (calibration ends 1997-09-30 inclusive)", () => {
    const built = summariseForClv(cdnowSampleOrders(), parseDay("1997-09-30")!, "week");
    const published = cdnowSummary();
    expect(built).toHaveLength(published.length);
    built.forEach((row, i) => {
      const expected = published[i]!;
      expect(Number(row.customer)).toBe(Number(expected.customer));
      expect(row.frequency).toBe(expected.frequency);
      expect(row.recency.toFixed(2)).toBe(expected.recency.toFixed(2));
      expect(row.T.toFixed(2)).toBe(expected.T.toFixed(2));
    });
    expect(built.filter((r) => r.frequency > 0)).toHaveLength(946);
  });
});
