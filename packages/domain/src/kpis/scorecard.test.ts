import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCORECARD_CONFIG, KPI_DEFINITIONS, KPI_KEYS, kpisNotOnCard, normaliseWeights, previousPeriod, quarterOf, quarterPeriod, scoreScorecard,
  shiftMonths, targetAttainment, trafficLight, trailingQuarters, trailingYears, validateScorecardConfig, yearBeforePeriod, type ScorecardConfig,
} from "./index";

describe("periods", () => {
  it("turns quarters into days and walks back through them", () => {
    expect(quarterPeriod("2026-Q3")).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(quarterPeriod("2024-Q1")).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(trailingQuarters("2026-Q2", 4)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(quarterOf("2026-11-30")).toBe("2026-Q4");
    expect(() => quarterPeriod("2026-Q5")).toThrow(RangeError);
  });

  it("compares with the previous period and the same period a year before", () => {
    expect(previousPeriod({ from: "2026-07-01", to: "2026-09-30" })).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(yearBeforePeriod({ from: "2024-01-01", to: "2024-02-29" })).toEqual({ from: "2023-01-01", to: "2023-02-28" });
    expect(shiftMonths("2026-05-31", -3)).toBe("2026-02-28");
    expect(trailingYears("2026-09-30")).toEqual({ current: { from: "2025-10-01", to: "2026-09-30" }, prior: { from: "2024-10-01", to: "2025-09-30" } });
  });
});

describe("target attainment and traffic lights", () => {
  it("is green at the target, amber within the tolerance, red beyond, in both directions", () => {
    expect(trafficLight(90, 90, "higher_is_better", 5)).toBe("green");
    expect(trafficLight(85, 90, "higher_is_better", 5)).toBe("amber");
    expect(trafficLight(84.9, 90, "higher_is_better", 5)).toBe("red");
    expect(trafficLight(8, 8, "lower_is_better", 4)).toBe("green");
    expect(trafficLight(12, 8, "lower_is_better", 4)).toBe("amber");
    expect(trafficLight(12.5, 8, "lower_is_better", 4)).toBe("red");
    expect(trafficLight(null, 8, "lower_is_better", 4)).toBeNull();
    expect(trafficLight(-10, 0, "higher_is_better", 0)).toBe("red");
  });

  it("scores attainment as the share of the target reached, in either direction", () => {
    expect(targetAttainment(45, 90, "higher_is_better")).toBe(0.5);
    expect(targetAttainment(120, 90, "higher_is_better")).toBe(1);
    expect(targetAttainment(12, 8, "lower_is_better")).toBe(0.5);
    expect(targetAttainment(30, 8, "lower_is_better")).toBe(0);
    expect(targetAttainment(-5, 0, "higher_is_better")).toBe(0);
    expect(targetAttainment(null, 10, "higher_is_better")).toBeNull();
  });
});

describe("scorecard", () => {
  const config: ScorecardConfig = {
    thresholds: { green: 90, amber: 70 },
    perspectives: [
      { key: "financial", weight: 3, kpis: [{ key: "revenue_growth_yoy", target: 10, weight: 1, tolerance: 5 }, { key: "net_revenue_retention", target: 100, weight: 3, tolerance: 5 }] },
      { key: "customer", weight: 1, kpis: [{ key: "nps", target: 40, weight: 1, tolerance: 10 }] },
      { key: "internal_process", weight: 0, kpis: [] },
      { key: "learning_growth", weight: 1, kpis: [{ key: "feedback_closure_days", target: 10, weight: 1, tolerance: 5 }] },
    ],
  };

  it("weights the KPIs within each perspective and the perspectives in the card, on hand-computed figures", () => {
    const card = scoreScorecard(config, { revenue_growth_yoy: 5, net_revenue_retention: 100, nps: 20, feedback_closure_days: null });
    // Financial: growth 5 of 10 → 0.5 (weight 1/4), NRR met → 1 (3/4): 87.5, amber. Customer: NPS 20 of 40 → 50, red.
    // Learning: not measurable, left out. Card: (3 × 87.5 + 1 × 50) / 4 = 78.1.
    expect(card.perspectives.map((p) => [p.key, p.score, p.status])).toEqual([
      ["financial", 87.5, "amber"], ["customer", 50, "red"], ["internal_process", null, null], ["learning_growth", null, null],
    ]);
    expect(card.perspectives[0]!.kpis.map((k) => [k.key, k.status, k.normalisedWeight])).toEqual([["revenue_growth_yoy", "amber", 0.25], ["net_revenue_retention", "green", 0.75]]);
    expect(card.perspectives[1]!.kpis[0]!.status).toBe("red");
    expect(card.score).toBe(78.1);
    expect(card.status).toBe("amber");
    expect(card.perspectives.map((p) => p.normalisedWeight)).toEqual([0.6, 0.2, 0, 0.2]);
  });

  it("has no score when nothing is measurable", () => {
    const card = scoreScorecard(DEFAULT_SCORECARD_CONFIG, {});
    expect(card.score).toBeNull();
    expect(card.status).toBeNull();
  });

  it("normalises weights to sum to 1, leaving all-zero weights at zero", () => {
    expect(normaliseWeights([1, 3])).toEqual([0.25, 0.75]);
    expect(normaliseWeights([0, 0])).toEqual([0, 0]);
    expect(normaliseWeights([-2, 2])).toEqual([0, 1]);
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }), (weights) => {
      const normal = normaliseWeights(weights);
      const sum = normal.reduce((s, w) => s + w, 0);
      expect(normal.every((w) => w >= 0 && w <= 1)).toBe(true);
      if (weights.some((w) => w > 0)) expect(sum).toBeCloseTo(1, 9);
      else expect(sum).toBe(0);
    }));
  });

  it("keeps every score within 0-100 whatever the values", () => {
    const value = fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null });
    fc.assert(fc.property(fc.array(value, { minLength: KPI_KEYS.length, maxLength: KPI_KEYS.length }), (values) => {
      const card = scoreScorecard(DEFAULT_SCORECARD_CONFIG, Object.fromEntries(KPI_KEYS.map((k, i) => [k, values[i]])));
      for (const s of [card.score, ...card.perspectives.map((p) => p.score)]) if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
    }));
  });
});

describe("scorecard configuration", () => {
  it("accepts the default configuration, which covers every perspective", () => {
    expect(validateScorecardConfig(DEFAULT_SCORECARD_CONFIG)).toEqual([]);
    expect(kpisNotOnCard(DEFAULT_SCORECARD_CONFIG)).toEqual(["revenue", "revenue_growth_qoq", "clv", "resolution_hours"]);
  });

  it("names each field that is wrong", () => {
    const bad: ScorecardConfig = {
      thresholds: { green: 60, amber: 80 },
      perspectives: [
        { key: "financial", weight: 1, kpis: [{ key: "nps", target: 150, weight: -1, tolerance: -2 }] },
        { key: "financial", weight: 0, kpis: [{ key: "nps", target: 0, weight: 1, tolerance: 0 }] },
        { key: "customer", weight: 0, kpis: [] },
      ],
    };
    expect(validateScorecardConfig(bad).map((i) => i.field)).toEqual([
      "perspectives.1.key", "perspectives", "perspectives", "perspectives.0.kpis", "perspectives.0.kpis.0.target", "perspectives.0.kpis.0.weight",
      "perspectives.0.kpis.0.tolerance", "perspectives.1.kpis.0.key", "thresholds.amber",
    ]);
  });

  it("defines every KPI once, in both languages", () => {
    expect(KPI_DEFINITIONS.map((d) => d.key)).toEqual([...KPI_KEYS]);
    for (const d of KPI_DEFINITIONS) for (const text of [d.name.en, d.name["zh-CN"], d.definition.en, d.definition["zh-CN"], d.formula]) expect(text.length).toBeGreaterThan(0);
  });
});
