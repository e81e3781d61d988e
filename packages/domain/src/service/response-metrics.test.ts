import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summariseResponseTimes, timeStatsOf, type CaseTimes } from "./response-metrics";

const kase = (accountId: string, tier: CaseTimes["tier"], openedAt: string, firstResponseMinutes: number | null, resolutionMinutes: number | null): CaseTimes => ({
  accountId,
  tier,
  openedAt: new Date(openedAt),
  firstResponseMinutes,
  resolutionMinutes,
});

const cases = [
  kase("A", "key", "2025-03-10T10:00:00Z", 30, 600),
  // Still 31 March in New York, already 1 April in Berlin.
  kase("B", "strategic", "2025-03-31T22:30:00Z", 10, null),
  kase("A", "key", "2025-03-20T10:00:00Z", 90, 1200),
  kase("C", "key", "2025-03-25T10:00:00Z", null, null),
  kase("B", "strategic", "2025-03-05T10:00:00Z", 20, 300),
  kase("A", "key", "2025-03-28T10:00:00Z", 60, 900),
  kase("C", "key", "2025-03-26T10:00:00Z", 100, null),
];

describe("summariseResponseTimes", () => {
  it("summarises per tier and month in the organization's zone, strategic first", () => {
    expect(summariseResponseTimes({ cases, groupBy: "tier", period: "month", timeZone: "Europe/Berlin" })).toEqual([
      { group: "strategic", period: "2025-03", cases: 1, firstResponse: { count: 1, mean: 20, median: 20 }, resolution: { count: 1, mean: 300, median: 300 } },
      { group: "key", period: "2025-03", cases: 5, firstResponse: { count: 4, mean: 70, median: 75 }, resolution: { count: 3, mean: 900, median: 900 } },
      { group: "strategic", period: "2025-04", cases: 1, firstResponse: { count: 1, mean: 10, median: 10 }, resolution: null },
    ]);
  });
  it("summarises per account and quarter", () => {
    const rows = summariseResponseTimes({ cases, groupBy: "account", period: "quarter", timeZone: "Europe/Berlin" });
    expect(rows.map((r) => [r.period, r.group, r.cases])).toEqual([
      ["2025-Q1", "A", 3],
      ["2025-Q1", "B", 1],
      ["2025-Q1", "C", 2],
      ["2025-Q2", "B", 1],
    ]);
    expect(rows[2]).toMatchObject({ firstResponse: { count: 1, mean: 100, median: 100 }, resolution: null });
  });
  it("cuts periods in the zone it is given", () => {
    const rows = summariseResponseTimes({ cases, groupBy: "account", period: "quarter", timeZone: "America/New_York" });
    expect(rows.map((r) => [r.period, r.group, r.cases])).toEqual([
      ["2025-Q1", "A", 3],
      ["2025-Q1", "B", 2],
      ["2025-Q1", "C", 2],
    ]);
  });
  it("is empty without cases and refuses negative times or an unknown zone", () => {
    expect(summariseResponseTimes({ cases: [], groupBy: "tier", period: "month", timeZone: "UTC" })).toEqual([]);
    expect(() => summariseResponseTimes({ cases: [kase("A", "key", "2025-03-10T10:00:00Z", -1, null)], groupBy: "tier", period: "month", timeZone: "UTC" })).toThrow(
      /firstResponseMinutes must be a finite number ≥ 0/,
    );
    expect(() => summariseResponseTimes({ cases, groupBy: "tier", period: "month", timeZone: "Nowhere/Town" })).toThrow(RangeError);
  });
});

describe("timeStatsOf", () => {
  it("takes the mean of the middle two as the median of an even count", () => {
    expect(timeStatsOf([4, 1, 3, 2])).toEqual({ count: 4, mean: 2.5, median: 2.5 });
    expect(timeStatsOf([7])).toEqual({ count: 1, mean: 7, median: 7 });
    expect(timeStatsOf([])).toBeNull();
  });
  it("property: mean and median lie between the smallest and largest value, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const stats = timeStatsOf(values)!;
        const [min, max] = [Math.min(...values), Math.max(...values)];
        expect(stats.median).toBeGreaterThanOrEqual(min);
        expect(stats.median).toBeLessThanOrEqual(max);
        expect(stats.mean).toBeGreaterThanOrEqual(min - 1e-6);
        expect(stats.mean).toBeLessThanOrEqual(max + 1e-6);
        expect(timeStatsOf([...values].reverse())!.median).toBe(stats.median);
      }),
    );
  });
});
