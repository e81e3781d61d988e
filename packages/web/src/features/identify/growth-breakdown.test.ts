import { describe, expect, it } from "vitest";
import { growthBreakdown } from "./growth-breakdown";

const none = { yoyGrowth: null, relativeSlope: null, walletHeadroom: null, pipelineRatio: null, strategicImportance: null };

describe("growthBreakdown", () => {
  it("re-weighs the known components so their points add up to the growth score", () => {
    const rows = growthBreakdown({
      components: { ...none, yoyGrowth: 0.2, relativeSlope: 0.01, strategicImportance: 4 },
      componentScores: { ...none, yoyGrowth: 0.6, relativeSlope: 0.56, strategicImportance: 0.75 },
    });
    const byName = Object.fromEntries(rows.map((r) => [r.component, r]));
    // Known weights 0.2 + 0.2 + 0.2 = 0.6, each becomes a third.
    expect(byName.yoyGrowth!.weight).toBeCloseTo(1 / 3);
    expect(byName.walletHeadroom).toEqual({ component: "walletHeadroom", raw: null, score: null, weight: 0, points: 0 });
    const total = rows.reduce((s, r) => s + r.points, 0);
    expect(total).toBeCloseTo((0.6 + 0.56 + 0.75) / 3);
    expect(rows.map((r) => r.component)).toEqual(["yoyGrowth", "relativeSlope", "walletHeadroom", "pipelineRatio", "strategicImportance"]);
  });

  it("keeps a score whose raw input is not a number (a first year after none)", () => {
    const [yoy] = growthBreakdown({ components: none, componentScores: { ...none, yoyGrowth: 1 } });
    expect(yoy).toEqual({ component: "yoyGrowth", raw: null, score: 1, weight: 1, points: 1 });
  });

  it("gives no weight at all when nothing is known", () => {
    expect(growthBreakdown({ components: none, componentScores: none }).every((r) => r.weight === 0 && r.points === 0)).toBe(true);
  });
});
