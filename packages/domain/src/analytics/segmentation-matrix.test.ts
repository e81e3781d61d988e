import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeSegmentationMatrix, MATRIX_QUADRANTS, median, quadrantOf, scoreMatrix } from "./segmentation-matrix";

const account = (customer: string, previousYear: number, lastYear: number) => ({
  customer,
  monthlyRevenue: [...Array.from({ length: 12 }, () => previousYear / 12), ...Array.from({ length: 12 }, () => lastYear / 12)],
});

describe("quadrantOf", () => {
  it("names the four quadrants", () => {
    expect(quadrantOf(true, true)).toBe("strategic_partner");
    expect(quadrantOf(true, false)).toBe("cash_cow");
    expect(quadrantOf(false, true)).toBe("problem_account");
    expect(quadrantOf(false, false)).toBe("dog");
  });
});

describe("median", () => {
  it("takes the middle, or the mean of the two middles", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe("computeSegmentationMatrix", () => {
  it("places a hand-built book with median thresholds (≥ median is high)", () => {
    const result = computeSegmentationMatrix([
      account("big-growing", 1000, 2000),
      account("big-shrinking", 3000, 1500),
      account("small-growing", 100, 300),
      account("small-shrinking", 400, 200),
    ]);
    expect(Object.fromEntries(result.customers.map((r) => [r.customer, r.quadrant]))).toEqual({
      "big-growing": "strategic_partner",
      "big-shrinking": "cash_cow",
      "small-growing": "problem_account",
      "small-shrinking": "dog",
    });
    expect(result.customers[0]!.contribution).toBeCloseTo(0.5, 12);
    expect(result.counts).toEqual({ strategic_partner: 1, cash_cow: 1, problem_account: 1, dog: 1 });
  });
  it("honours explicit thresholds", () => {
    const result = computeSegmentationMatrix([account("a", 100, 100), account("b", 100, 300)], { contribution: 0.9, growth: 0.99 });
    expect(result.customers.map((r) => r.quadrant)).toEqual(["dog", "dog"]);
    expect(result.thresholds).toEqual({ contribution: 0.9, growth: 0.99 });
  });
  it("property: with median thresholds at least half the accounts are high on each axis", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(10_000), fc.nat(10_000)), { minLength: 1, maxLength: 30 }), (pairs) => {
        const result = computeSegmentationMatrix(pairs.map(([p, l], i) => account(String(i), p, l)));
        const { strategic_partner: sp, cash_cow: cc, problem_account: pa } = result.counts;
        expect(2 * (sp + cc)).toBeGreaterThanOrEqual(pairs.length);
        expect(2 * (sp + pa)).toBeGreaterThanOrEqual(pairs.length);
      }),
    );
  });
});

describe("scoreMatrix", () => {
  it("places columns as computeSegmentationMatrix places rows, unknown growth inputs as NaN", () => {
    const months = (last: number, previous: number) => [...Array<number>(12).fill(previous), ...Array<number>(12).fill(last)];
    const inputs = [
      { customer: "a", monthlyRevenue: months(100, 50), strategicImportance: 5 },
      { customer: "b", monthlyRevenue: months(10, 20), estimatedTotalSpend: 1000 },
      { customer: "c", monthlyRevenue: months(0, 0), openPipeline: 500 },
      { customer: "d", monthlyRevenue: months(40, 0) },
    ];
    const scores = scoreMatrix({
      monthlyRevenue: Float64Array.from(inputs.flatMap((a) => a.monthlyRevenue)),
      estimatedTotalSpend: Float64Array.from(inputs, (a) => a.estimatedTotalSpend ?? Number.NaN),
      openPipeline: Float64Array.from(inputs, (a) => a.openPipeline ?? Number.NaN),
      strategicImportance: Float64Array.from(inputs, (a) => a.strategicImportance ?? Number.NaN),
    });
    const rows = computeSegmentationMatrix(inputs);
    expect(rows.customers.map((r) => [r.revenue, r.contribution, r.growth.score, r.quadrant])).toEqual(
      inputs.map((_, i) => [scores.revenue[i], scores.contribution[i], scores.growth.score[i], MATRIX_QUADRANTS[scores.quadrant[i]!]]),
    );
    expect(rows.thresholds).toEqual(scores.thresholds);
    // d: a first year after none is infinite growth; its unknown headroom, pipeline and importance stay NaN.
    expect(Array.from(scores.growth.components.subarray(15, 20))).toEqual([Number.POSITIVE_INFINITY, 0, Number.NaN, Number.NaN, Number.NaN]);
    expect(rows.customers[3]!.growth.components).toEqual({ yoyGrowth: Number.POSITIVE_INFINITY, relativeSlope: 0, walletHeadroom: undefined, pipelineRatio: undefined, strategicImportance: undefined });
  });

  it("refuses columns that do not hold one entry (24 months) per account", () => {
    const one = Float64Array.of(Number.NaN);
    expect(() => scoreMatrix({ monthlyRevenue: new Float64Array(23), estimatedTotalSpend: one, openPipeline: one, strategicImportance: one })).toThrow(RangeError);
  });
});
