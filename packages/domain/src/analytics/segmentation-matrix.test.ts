import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeSegmentationMatrix, median, quadrantOf } from "./segmentation-matrix";

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
