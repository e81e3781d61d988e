import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csatFromTotals, csatOf, isLowScore, lowScoreSeverity, npsCategoryOf, npsFromCounts, npsOf, responseRateOf } from "./metrics";

describe("NPS", () => {
  it("counts 9-10 as promoters, 7-8 as passives and 0-6 as detractors", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategoryOf)).toEqual(["detractor", "detractor", "passive", "passive", "promoter", "promoter"]);
  });

  it("is % promoters minus % detractors (hand-computed: 5 promoters, 3 passives, 2 detractors of 10 → 30)", () => {
    expect(npsOf([10, 9, 9, 10, 9, 8, 7, 7, 6, 0])).toEqual({ responses: 10, promoters: 5, passives: 3, detractors: 2, nps: 30 });
  });

  it("rounds to one decimal (1 promoter, 2 detractors of 3 → −33.3) and spans −100 to 100", () => {
    expect(npsOf([10, 3, 5]).nps).toBe(-33.3);
    expect(npsOf([0, 6]).nps).toBe(-100);
    expect(npsOf([9, 10]).nps).toBe(100);
    expect(npsOf([7, 8]).nps).toBe(0);
    expect(Object.is(npsOf([9, 0]).nps, 0)).toBe(true);
  });

  it("is null without answers, and refuses scores outside 0-10", () => {
    expect(npsOf([])).toEqual({ responses: 0, promoters: 0, passives: 0, detractors: 0, nps: null });
    expect(() => npsOf([11])).toThrow(RangeError);
    expect(() => npsOf([4.5])).toThrow(RangeError);
  });

  it("stays within [−100, 100] and agrees with the counts form (property)", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 300 }), (scores) => {
      const result = npsOf(scores);
      if (scores.length === 0) expect(result.nps).toBeNull();
      else {
        expect(result.nps).toBeGreaterThanOrEqual(-100);
        expect(result.nps).toBeLessThanOrEqual(100);
      }
      expect(npsFromCounts(result)).toEqual(result);
      expect(result.promoters + result.passives + result.detractors).toBe(scores.length);
    }));
  });
});

describe("CSAT", () => {
  it("is the mean of 1-5 and the share of 4-5 (hand-computed: 5,4,4,3,1 → 3.4 and 60%)", () => {
    expect(csatOf([5, 4, 4, 3, 1])).toEqual({ responses: 5, mean: 3.4, satisfied: 3, satisfiedPct: 60 });
    expect(csatOf([5, 4, 4])).toEqual({ responses: 3, mean: 4.33, satisfied: 3, satisfiedPct: 100 });
    expect(csatFromTotals({ responses: 3, sum: 7, satisfied: 1 })).toEqual({ responses: 3, mean: 2.33, satisfied: 1, satisfiedPct: 33.3 });
  });

  it("is null without answers and refuses scores outside 1-5", () => {
    expect(csatOf([])).toEqual({ responses: 0, mean: null, satisfied: 0, satisfiedPct: null });
    expect(() => csatOf([0])).toThrow(RangeError);
    expect(() => csatOf([6])).toThrow(RangeError);
  });

  it("keeps the mean within 1-5 and the share within 0-100 (property)", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (scores) => {
      const { mean, satisfiedPct } = csatOf(scores);
      expect(mean).toBeGreaterThanOrEqual(1);
      expect(mean).toBeLessThanOrEqual(5);
      expect(satisfiedPct).toBeGreaterThanOrEqual(0);
      expect(satisfiedPct).toBeLessThanOrEqual(100);
    }));
  });
});

describe("response rate and low scores", () => {
  it("is responses over invitations sent, null when nothing was sent", () => {
    expect(responseRateOf({ sent: 8, responded: 3 })).toBe(37.5);
    expect(responseRateOf({ sent: 3, responded: 1 })).toBe(33.3);
    expect(responseRateOf({ sent: 0, responded: 0 })).toBeNull();
    expect(responseRateOf({ sent: 2, responded: 5 })).toBe(100);
  });

  it("flags NPS 0-6 and CSAT 1-2, at the boundaries", () => {
    expect(isLowScore({ npsScore: 6, csatScore: null })).toBe(true);
    expect(isLowScore({ npsScore: 7, csatScore: null })).toBe(false);
    expect(isLowScore({ npsScore: null, csatScore: 2 })).toBe(true);
    expect(isLowScore({ npsScore: null, csatScore: 3 })).toBe(false);
    expect(isLowScore({ npsScore: 10, csatScore: 1 })).toBe(true);
    expect(isLowScore({ npsScore: null, csatScore: null })).toBe(false);
    expect(lowScoreSeverity({ npsScore: 3, csatScore: null })).toBe("high");
    expect(lowScoreSeverity({ npsScore: 4, csatScore: null })).toBe("medium");
    expect(lowScoreSeverity({ npsScore: null, csatScore: 1 })).toBe("high");
  });
});
