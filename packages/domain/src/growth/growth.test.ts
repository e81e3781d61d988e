import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  centsToMoney, compareOpportunityStages, deriveWhitespaceState, initiativeRoi, isGrowthDateRangeValid, journeyStageProblems, moneyToCents,
  moveJourneyStage, OPPORTUNITY_STAGES, painPointsBySeverity, stageTotals, weightedPipeline, weightedValue,
  type OpportunityStage, type PipelineOpportunity,
} from "./index";

const opp = (stage: OpportunityStage, value: string, probability: number, currency = "CNY"): PipelineOpportunity => ({ stage, value, probability, currency });

describe("money in cents", () => {
  it("reads and writes decimal strings exactly", () => {
    expect(moneyToCents("1234.5")).toBe(123450n);
    expect(moneyToCents("-0.05")).toBe(-5n);
    expect(centsToMoney(123450n)).toBe("1234.50");
    expect(centsToMoney(-5n)).toBe("-0.05");
    expect(() => moneyToCents("1.234")).toThrow(RangeError);
    expect(() => moneyToCents("1e3")).toThrow(RangeError);
  });

  it("round-trips every amount", () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (cents) => moneyToCents(centsToMoney(cents)) === cents));
  });
});

describe("weighted pipeline", () => {
  it("weighs each value by its probability, to the cent, half away from zero", () => {
    expect(weightedValue("1000.00", 25)).toBe("250.00");
    expect(weightedValue("0.05", 50)).toBe("0.03");
    expect(weightedValue("0.01", 50)).toBe("0.01");
    expect(weightedValue("999.99", 0)).toBe("0.00");
    expect(() => weightedValue("1.00", 101)).toThrow(RangeError);
    expect(() => weightedValue("1.00", 12.5)).toThrow(RangeError);
  });

  it("counts open opportunities only, one line per currency, never mixing currencies", () => {
    const pipeline = weightedPipeline([
      opp("qualify", "1000.00", 10), opp("negotiate", "500.50", 80), opp("won", "9999.00", 100), opp("lost", "50.00", 0),
      opp("propose", "200.00", 50, "USD"),
    ]);
    expect(pipeline).toEqual([
      { currency: "CNY", count: 2, total: "1500.50", weighted: "500.40" },
      { currency: "USD", count: 1, total: "200.00", weighted: "100.00" },
    ]);
    expect(weightedPipeline([opp("won", "1.00", 100)])).toEqual([]);
  });

  it("never weighs more than the total nor less than zero, and the weighted sum equals the sum of the rows", () => {
    const arbOpp = fc.record({
      stage: fc.constantFrom(...OPPORTUNITY_STAGES),
      value: fc.bigInt({ min: 0n, max: 10n ** 14n }).map(centsToMoney),
      probability: fc.integer({ min: 0, max: 100 }),
      currency: fc.constantFrom("CNY", "USD"),
    });
    fc.assert(fc.property(fc.array(arbOpp, { maxLength: 30 }), (opps) => {
      for (const line of weightedPipeline(opps)) {
        const open = opps.filter((o) => o.currency === line.currency && !["won", "lost"].includes(o.stage));
        const weighted = moneyToCents(line.weighted);
        if (weighted < 0n || weighted > moneyToCents(line.total)) return false;
        if (weighted !== open.reduce((s, o) => s + moneyToCents(weightedValue(o.value, o.probability)), 0n)) return false;
      }
      return true;
    }));
  });

  it("totals stages in funnel order", () => {
    const totals = stageTotals([opp("won", "10.00", 100), opp("qualify", "5.00", 20), opp("qualify", "7.00", 10, "EUR"), opp("qualify", "5.00", 20)]);
    expect(totals.map((t) => [t.stage, t.currency, t.count, t.total, t.weighted])).toEqual([
      ["qualify", "CNY", 2, "10.00", "2.00"], ["qualify", "EUR", 1, "7.00", "0.70"], ["won", "CNY", 1, "10.00", "10.00"],
    ]);
    expect(["won", "qualify", "negotiate", "lost"].sort((a, b) => compareOpportunityStages(a as OpportunityStage, b as OpportunityStage))).toEqual(["qualify", "negotiate", "won", "lost"]);
  });
});

describe("initiative ROI", () => {
  it("is (delivered − investment) / investment, null without an investment", () => {
    expect(initiativeRoi({ delivered: "250000.00", investment: "100000.00" })).toBe(1.5);
    expect(initiativeRoi({ delivered: "50.00", investment: "100.00" })).toBe(-0.5);
    expect(initiativeRoi({ delivered: "100.00", investment: "0" })).toBeNull();
  });

  it("is zero exactly when delivered equals investment, positive exactly when more was delivered", () => {
    const cents = fc.bigInt({ min: 0n, max: 10n ** 15n });
    fc.assert(fc.property(cents, cents, (delivered, investment) => {
      const roi = initiativeRoi({ delivered: centsToMoney(delivered), investment: centsToMoney(investment) });
      if (investment === 0n) return roi === null;
      return roi !== null && Math.sign(roi) === (delivered > investment ? 1 : delivered < investment ? -1 : 0) && roi >= -1;
    }));
  });

  it("refuses a target date before the start date", () => {
    expect(isGrowthDateRangeValid("2026-01-10", "2026-01-09")).toBe(false);
    expect(isGrowthDateRangeValid("2026-01-10", "2026-01-10")).toBe(true);
    expect(isGrowthDateRangeValid(null, "2026-01-09")).toBe(true);
  });
});

describe("whitespace cells", () => {
  it("lets facts beat plans: bought, then in pipeline, then the user's call", () => {
    expect(deriveWhitespaceState({ manual: "not_relevant", boughtRecently: true, openOpportunities: 1 })).toBe("bought");
    expect(deriveWhitespaceState({ manual: "bought", boughtRecently: false, openOpportunities: 1 })).toBe("bought");
    expect(deriveWhitespaceState({ manual: "not_relevant", boughtRecently: false, openOpportunities: 2 })).toBe("in_pipeline");
    expect(deriveWhitespaceState({ manual: "opportunity", boughtRecently: false, openOpportunities: 0 })).toBe("opportunity");
    expect(deriveWhitespaceState({ manual: null, boughtRecently: false, openOpportunities: 0 })).toBeNull();
  });
});

describe("journey stages", () => {
  it("finds duplicate keys and names and an empty list", () => {
    expect(journeyStageProblems([{ key: "a", name: "Buy" }, { key: "b", name: "Use" }])).toEqual([]);
    expect(journeyStageProblems([])).toEqual(["A journey needs at least one stage"]);
    expect(journeyStageProblems([{ key: "a", name: "Buy" }, { key: "a", name: " buy " }])).toEqual(['Stage key "a" is used twice', 'Stage name "buy" is used twice']);
  });

  it("moves a stage and sorts pain points by severity", () => {
    expect(moveJourneyStage(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveJourneyStage(["a", "b"], 0, 5)).toEqual(["a", "b"]);
    expect(painPointsBySeverity([{ id: 1, severity: 2 }, { id: 2, severity: 5 }, { id: 3, severity: 2 }]).map((p) => p.id)).toEqual([2, 1, 3]);
  });
});
