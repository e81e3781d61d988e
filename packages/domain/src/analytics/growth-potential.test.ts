import { describe, expect, it } from "vitest";
import { GROWTH_WEIGHTS, leastSquaresSlope, scoreGrowthPotential, scoreImportance, scoreSlope, scoreYoy, trailingMonthOf } from "./growth-potential";

const flat = (value: number) => Array.from({ length: 24 }, () => value);

describe("component scores", () => {
  it("map their boundaries as documented", () => {
    expect([-1, -2, 0, 0.5, 1, 3].map(scoreYoy)).toEqual([0, 0, 0.5, 0.75, 1, 1]);
    expect([-1 / 12, 0, 1 / 24, 1 / 12, 1].map(scoreSlope)).toEqual([0, 0.5, 0.75, 1, 1]);
    expect([1, 3, 5, 7].map(scoreImportance)).toEqual([0, 0.5, 1, 1]);
  });
  it("weights sum to 1", () => {
    expect(Object.values(GROWTH_WEIGHTS).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });
});

describe("leastSquaresSlope", () => {
  it("is the slope of a line and 0 for fewer than two points", () => {
    expect(leastSquaresSlope([1, 3, 5, 7])).toBeCloseTo(2, 12);
    expect(leastSquaresSlope([4])).toBe(0);
  });
});

describe("trailingMonthOf", () => {
  it("puts asOf and the 30 days before it in month 0 and a year back in month 12", () => {
    expect(trailingMonthOf(100, 100)).toBe(0);
    expect(trailingMonthOf(70, 100)).toBe(0);
    expect(trailingMonthOf(69, 100)).toBe(1);
    expect(trailingMonthOf(100 - 365, 100)).toBe(11);
    expect(trailingMonthOf(100 - 366, 100)).toBe(12);
  });
});

describe("scoreGrowthPotential", () => {
  it("is 0.5 for a flat account with nothing else known", () => {
    const g = scoreGrowthPotential({ monthlyRevenue: flat(100) });
    expect(g.components).toMatchObject({ yoyGrowth: 0, relativeSlope: 0 });
    expect(g.score).toBeCloseTo(0.5, 12);
  });
  it("combines every input with the documented weights (hand-computed)", () => {
    const monthlyRevenue = [...flat(100).slice(0, 12), ...Array.from({ length: 12 }, () => 150)];
    const g = scoreGrowthPotential({ monthlyRevenue, estimatedTotalSpend: 3600, openPipeline: 1800, strategicImportance: 4 });
    // yoy +50% → 0.75; slope 0 → 0.5; headroom 1 − 1800/3600 = 0.5; pipeline 1800/3600 = 0.5; importance 4 → 0.75
    expect(g.componentScores).toEqual({ yoyGrowth: 0.75, relativeSlope: 0.5, walletHeadroom: 0.5, pipelineRatio: 0.5, strategicImportance: 0.75 });
    expect(g.score).toBeCloseTo(0.2 * 0.75 + 0.2 * 0.5 + 0.25 * 0.5 + 0.15 * 0.5 + 0.2 * 0.75, 12);
  });
  it("treats a first year after none as the strongest trend and an account with no revenue as 0", () => {
    const newAccount = scoreGrowthPotential({ monthlyRevenue: [...flat(0).slice(0, 12), ...flat(10).slice(0, 12)] });
    expect(newAccount.componentScores.yoyGrowth).toBe(1);
    expect(scoreGrowthPotential({ monthlyRevenue: flat(0) }).score).toBe(0);
  });
  it("caps headroom at 0 when revenue exceeds the estimated spend", () => {
    expect(scoreGrowthPotential({ monthlyRevenue: flat(100), estimatedTotalSpend: 600 }).components.walletHeadroom).toBe(0);
  });
  it("needs exactly 24 months", () => {
    expect(() => scoreGrowthPotential({ monthlyRevenue: [1, 2, 3] })).toThrow(RangeError);
  });
});
