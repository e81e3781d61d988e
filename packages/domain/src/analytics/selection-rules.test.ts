import { describe, expect, it } from "vitest";
import {
  conditionHolds, type ConditionOutcomes, evaluateRule, evaluateRuleInto, fieldsOfRule, MAX_RULE_CONDITIONS, MAX_RULE_DEPTH, ruleConditions, ruleIssues, type SelectionRule,
  traceConditions,
} from "./selection-rules";

const keyAccountRule: SelectionRule = {
  any: [
    { all: [{ field: "revenue12m", op: "gte", value: 1_000_000 }, { field: "customerYears", op: "gte", value: 3 }] },
    { field: "quadrant", op: "eq", value: "strategic_partner" },
  ],
};

describe("conditionHolds", () => {
  it("applies each numeric operator, boundaries included", () => {
    const at = (op: "gte" | "gt" | "lte" | "lt" | "eq" | "neq", actual: number) => conditionHolds({ field: "revenue12m", op, value: 100 }, actual);
    expect([at("gte", 100), at("gte", 99.99)]).toEqual([true, false]);
    expect([at("gt", 100), at("gt", 100.01)]).toEqual([false, true]);
    expect([at("lte", 100), at("lte", 100.01)]).toEqual([true, false]);
    expect([at("lt", 100), at("lt", 99)]).toEqual([false, true]);
    expect([at("eq", 100), at("eq", 101)]).toEqual([true, false]);
    expect([at("neq", 100), at("neq", 101)]).toEqual([false, true]);
  });

  it("compares text trimmed and case-insensitively, and in against a list", () => {
    expect(conditionHolds({ field: "industry", op: "eq", value: "Energy " }, "energy")).toBe(true);
    expect(conditionHolds({ field: "industry", op: "neq", value: "Energy" }, "Retail")).toBe(true);
    expect(conditionHolds({ field: "tier", op: "in", value: ["key", "strategic"] }, "strategic")).toBe(true);
    expect(conditionHolds({ field: "tier", op: "in", value: ["key", "strategic"] }, "growth")).toBe(false);
  });

  it("never holds on a missing value, not even neq", () => {
    expect(conditionHolds({ field: "revenueGrowthYoy", op: "gte", value: 0 }, null)).toBe(false);
    expect(conditionHolds({ field: "region", op: "neq", value: "North" }, null)).toBe(false);
    expect(conditionHolds({ field: "region", op: "in", value: ["North"] }, undefined)).toBe(false);
  });

  it("does not hold on a value of the wrong type", () => {
    expect(conditionHolds({ field: "revenue12m", op: "gte", value: 1 }, "a lot")).toBe(false);
    expect(conditionHolds({ field: "tier", op: "eq", value: "key" }, 3)).toBe(false);
  });
});

describe("evaluateRule", () => {
  it("passes on the first branch of any, with the trace of every condition", () => {
    const outcome = evaluateRule(keyAccountRule, { revenue12m: 1_200_000, customerYears: 4.5, quadrant: "cash_cow" });
    expect(outcome).toEqual({
      passed: true,
      conditions: [
        { path: "0.0", field: "revenue12m", op: "gte", value: 1_000_000, actual: 1_200_000, held: true },
        { path: "0.1", field: "customerYears", op: "gte", value: 3, actual: 4.5, held: true },
        { path: "1", field: "quadrant", op: "eq", value: "strategic_partner", actual: "cash_cow", held: false },
      ],
    });
  });

  it("requires every condition of all", () => {
    const outcome = evaluateRule(keyAccountRule, { revenue12m: 1_200_000, customerYears: 2, quadrant: "dog" });
    expect(outcome.passed).toBe(false);
    expect(outcome.conditions.map((c) => c.held)).toEqual([true, false, false]);
  });

  it("passes on the second branch of any", () => {
    expect(evaluateRule(keyAccountRule, { revenue12m: 10, customerYears: 1, quadrant: "strategic_partner" }).passed).toBe(true);
  });

  it("negates with not, and reports the condition under the not with path 0", () => {
    const rule: SelectionRule = { not: { field: "tier", op: "in", value: ["key", "strategic"] } };
    expect(evaluateRule(rule, { tier: "growth" })).toEqual({
      passed: true,
      conditions: [{ path: "0", field: "tier", op: "in", value: ["key", "strategic"], actual: "growth", held: false }],
    });
    expect(evaluateRule(rule, { tier: "key" }).passed).toBe(false);
  });

  it("treats a missing fact as not held, with actual null", () => {
    const outcome = evaluateRule(keyAccountRule, { revenue12m: 2_000_000 });
    expect(outcome.passed).toBe(false);
    expect(outcome.conditions[1]).toEqual({ path: "0.1", field: "customerYears", op: "gte", value: 3, actual: null, held: false });
    expect(outcome.conditions[2]).toMatchObject({ actual: null, held: false });
  });

  it("gives a lone condition the empty path", () => {
    expect(evaluateRule({ field: "orders12m", op: "gt", value: 0 }, { orders12m: 3 }).conditions[0]).toMatchObject({ path: "", held: true });
  });
});

describe("evaluateRuleInto", () => {
  it("keeps only each condition's value and outcome, one account after another in the same lists, and the trace comes back from them", () => {
    const into: ConditionOutcomes = { actual: [], held: [] };
    expect(evaluateRuleInto(keyAccountRule, { revenue12m: 1_200_000, customerYears: 4.5, quadrant: "cash_cow" }, into)).toBe(true);
    expect(into).toEqual({ actual: [1_200_000, 4.5, "cash_cow"], held: [true, true, false] });
    expect(evaluateRuleInto(keyAccountRule, { revenue12m: 10, quadrant: "strategic_partner" }, into)).toBe(true);
    expect(into).toEqual({ actual: [10, null, "strategic_partner"], held: [false, false, true] });
    const facts = { revenue12m: 10, quadrant: "strategic_partner" };
    expect(traceConditions(ruleConditions(keyAccountRule), into)).toEqual(evaluateRule(keyAccountRule, facts).conditions);
    expect(ruleConditions({ not: { all: [{ field: "tier", op: "eq", value: "key" }] } }).map((c) => c.path)).toEqual(["0.0"]);
  });
});

describe("fieldsOfRule", () => {
  it("lists the fields a rule reads", () => {
    expect([...fieldsOfRule(keyAccountRule)].sort()).toEqual(["customerYears", "quadrant", "revenue12m"]);
  });
});

describe("ruleIssues", () => {
  it("accepts a well-formed rule", () => {
    expect(ruleIssues(keyAccountRule)).toEqual([]);
    expect(ruleIssues({ not: { field: "industry", op: "in", value: ["Energy", "Mining"] } })).toEqual([]);
  });

  it("takes each listed value as the evaluation compares it, trimmed and in any case", () => {
    // ABC classes are upper case, segments and quadrants lower case: both are found whatever the case written.
    const rule: SelectionRule = { all: [{ field: "abcClass", op: "eq", value: "A" }, { field: "abcClass", op: "in", value: ["b", " C "] }, { field: "rfmSegment", op: "eq", value: "Champions" }] };
    expect(ruleIssues(rule)).toEqual([]);
    expect(evaluateRule({ any: [{ field: "abcClass", op: "eq", value: "A" }] }, { abcClass: "A" }).passed).toBe(true);
    expect(ruleIssues({ field: "abcClass", op: "eq", value: "D" })[0]!.message).toBe('"D" is not a abcClass; use one of: A, B, C');
  });

  it("names each problem with its path, in rule order", () => {
    const issues = ruleIssues({
      all: [
        { field: "revenue12m", op: "in", value: [1] },
        { field: "tier", op: "eq", value: "gold" },
        { any: [] },
        { field: "colour", op: "eq", value: "red" },
        { field: "industry", op: "gt", value: "A" },
        { field: "clv", op: "gte", value: "high" },
        { all: [], any: [] },
        { field: "region", op: "eq", value: "North", extra: 1 },
      ],
    });
    expect(issues.map((i) => i.path.join("."))).toEqual([
      "all.0.op", "all.1.value", "all.2.any", "all.3.field", "all.4.op", "all.5.value", "all.6", "all.7.extra",
    ]);
    expect(issues[1]!.message).toContain('"gold" is not a tier');
  });

  it("refuses a non-object, a too deep tree and too many conditions", () => {
    expect(ruleIssues([1, 2])).toHaveLength(1);
    let deep: unknown = { field: "orders12m", op: "gt", value: 0 };
    for (let i = 0; i < MAX_RULE_DEPTH; i++) deep = { not: deep };
    expect(ruleIssues(deep)[0]!.message).toMatch(/nest at most/);
    const many = { any: Array.from({ length: MAX_RULE_CONDITIONS + 1 }, () => ({ field: "orders12m", op: "gt", value: 0 })) };
    expect(ruleIssues(many).map((i) => i.message)).toEqual([`A rule may have at most ${MAX_RULE_CONDITIONS} conditions`]);
  });

  it("walks a hostile, very deep rule without exhausting the stack", () => {
    let deep: unknown = { field: "orders12m", op: "gt", value: 0 };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    expect(ruleIssues(deep).length).toBeGreaterThan(0);
  });
});
