import {
  type ConditionOutcomes, evaluateRule, evaluateRuleInto, NUMERIC_SELECTION_FIELDS, SELECTION_FIELDS, type SelectionCondition, type SelectionFacts, type SelectionRule,
} from "@openkam/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figureBytes, FIGURE_WIDTHS, matrixFigures, paretoFigures, pipelineSourceCode, resultValues, rfmFigures, type RunFigures, SelectionFigures } from "./result-figures";

/** The bytes a reader gets back for the result at `position`, as a driver hands them: at an odd offset of a larger buffer. */
function storedAt(figures: RunFigures, position: number): Uint8Array {
  const bytes = figureBytes(figures, [position]);
  const padded = new Uint8Array(bytes.length + 3);
  padded.set(bytes, 3);
  return padded.subarray(3);
}

// Figures as stored: amounts in cents, ratios to six decimals (so that they read back as written).
const amount = fc.integer({ min: -1e14, max: 1e14 }).map((cents) => cents / 100);
const ratioBetween = (min: number, max: number) => fc.integer({ min: min * 1e6, max: max * 1e6 }).map((millionths) => millionths / 1e6);
const share = ratioBetween(0, 1);
const GROWTH = ["yoyGrowth", "relativeSlope", "walletHeadroom", "pipelineRatio", "strategicImportance"] as const;
const growth = fc.record({
  yoyGrowth: fc.option(ratioBetween(-1, 100)), relativeSlope: fc.option(ratioBetween(-5, 5)),
  walletHeadroom: fc.option(share), pipelineRatio: fc.option(ratioBetween(0, 50)), strategicImportance: fc.option(fc.integer({ min: 1, max: 5 })),
});
/** A matrix result as the API shows it. */
const matrixResult = fc.record({
  revenue: amount, revenuePrevious12m: amount, monthlyRevenue: fc.array(amount, { minLength: 24, maxLength: 24 }),
  contribution: share, growth: share, components: growth, componentScores: growth,
  openPipeline: fc.option(amount), pipelineSource: fc.constantFrom(null, "custom_field" as const, "opportunities" as const),
});
type MatrixResult = typeof matrixResult extends fc.Arbitrary<infer T> ? T : never;

/** The matrix figure columns of results, unknown numbers as NaN. */
function matrixColumns(rows: readonly MatrixResult[]) {
  const nan = (v: number | null) => v ?? Number.NaN;
  return {
    revenue: rows.map((r) => r.revenue), revenuePrevious12m: rows.map((r) => r.revenuePrevious12m), monthlyRevenue: rows.flatMap((r) => r.monthlyRevenue),
    contribution: rows.map((r) => r.contribution), growth: rows.map((r) => r.growth),
    components: rows.flatMap((r) => GROWTH.map((key) => nan(r.components[key]))), componentScores: rows.flatMap((r) => GROWTH.map((key) => nan(r.componentScores[key]))),
    openPipeline: rows.map((r) => nan(r.openPipeline)), pipelineSource: rows.map((r) => pipelineSourceCode(r.pipelineSource)),
  };
}

// Selection rules over every field, and accounts' facts: numbers (with ±0, infinities), texts, or none.
const NUMERIC = new Set<string>(NUMERIC_SELECTION_FIELDS);
const TEXTS = ["Energy", "energy ", "East", "cash_cow", "key", "", "能源"];
const selectionCondition = fc.constantFrom(...SELECTION_FIELDS).chain((field): fc.Arbitrary<SelectionCondition> => NUMERIC.has(field)
  ? fc.record({ field: fc.constant(field), op: fc.constantFrom("gte", "gt", "lte", "lt", "eq", "neq" as const), value: fc.double({ noNaN: true, min: -1e6, max: 1e6 }) })
  : fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constantFrom("eq", "neq" as const), value: fc.constantFrom(...TEXTS) }),
    fc.record({ field: fc.constant(field), op: fc.constant("in" as const), value: fc.subarray(TEXTS, { minLength: 1 }) }),
  ));
const { rule: selectionRule } = fc.letrec<{ rule: SelectionRule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    selectionCondition,
    fc.record({ all: fc.array(tie("rule"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("rule"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("rule") }),
  ),
}));
const selectionFacts: fc.Arbitrary<SelectionFacts> = fc.record(Object.fromEntries(SELECTION_FIELDS.map((field) => [
  field, NUMERIC.has(field) ? fc.option(fc.double({ noNaN: true })) : fc.option(fc.constantFrom(...TEXTS, "West", "零售")),
])));

describe("result figures", () => {
  it("reads back what the matrix wrote, unknown components and the pipeline's source included", () => {
    fc.assert(fc.property(fc.array(matrixResult, { minLength: 1, maxLength: 5 }), (rows) => {
      const figures = matrixFigures(matrixColumns(rows));
      rows.forEach((row, i) => {
        expect(resultValues("matrix", { values: null, figures: storedAt(figures, i) })).toEqual(row);
      });
    }));
  });

  it("stores amounts to the cent and ratios to six decimals, an infinite growth as unknown", () => {
    const [row] = fc.sample(matrixResult, { numRuns: 1, seed: 2 });
    const columns = { ...matrixColumns([row!]), revenue: [1234.5678], contribution: [1 / 3] };
    columns.components[0] = Number.POSITIVE_INFINITY;
    const read = resultValues("matrix", { values: null, figures: storedAt(matrixFigures(columns), 0) });
    expect(read).toMatchObject({ revenue: 1234.57, contribution: 0.333333, components: { yoyGrowth: null } });
    const rfm = rfmFigures({ recency: [3], frequency: [2], monetary: [10.005], r: [5], f: [2], m: [1] });
    expect(resultValues("rfm", { values: null, figures: storedAt(rfm, 0) })).toMatchObject({ monetary: 10.01 });
  });

  it("reads back RFM and Pareto figures in the API's shape", () => {
    const rfm = rfmFigures({ recency: [40, 3], frequency: [1, 12], monetary: [9.5, 4567.89], r: [1, 5], f: [1, 4], m: [2, 3] });
    expect(resultValues("rfm", { values: null, figures: storedAt(rfm, 0) })).toEqual({ recency: 40, frequency: 1, monetary: 9.5, r: 1, f: 1, m: 2 });
    expect(resultValues("rfm", { values: null, figures: storedAt(rfm, 1) })).toEqual({ recency: 3, frequency: 12, monetary: 4567.89, r: 5, f: 4, m: 3 });
    const pareto = paretoFigures({ rank: [1], revenue: [-20.5], share: [0.25], cumulativeShare: [1] });
    expect(resultValues("pareto", { values: null, figures: storedAt(pareto, 0) })).toEqual({ rank: 1, revenue: -20.5, share: 0.25, cumulativeShare: 1 });
  });

  it("refuses columns that do not hold one entry (or one row of the layout) per result", () => {
    expect(() => paretoFigures({ rank: [1, 2], revenue: [3], share: [0, 0], cumulativeShare: [0, 0] })).toThrow(/pareto figure column holds 1 numbers, not 2/);
    const [row] = fc.sample(matrixResult, { numRuns: 1, seed: 1 });
    expect(() => matrixFigures({ ...matrixColumns([row!]), monthlyRevenue: new Array<number>(23).fill(0) })).toThrow(/matrix figure column holds 23 numbers, not 24/);
  });

  it("cuts a block's figures in the order of its positions, consecutive or not", () => {
    const figures = { width: FIGURE_WIDTHS.pareto, data: Float64Array.from({ length: 4 * FIGURE_WIDTHS.pareto }, (_, i) => i) };
    const read = (positions: number[]) => Array.from(new Float64Array(new Uint8Array(figureBytes(figures, positions)).buffer));
    expect(read([1, 2])).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(read([3, 0])).toEqual([12, 13, 14, 15, 0, 1, 2, 3]);
  });

  it("reads back a selection's outcome for each account as the rule gave it: every condition's value and whether it held", () => {
    fc.assert(fc.property(selectionRule, fc.array(selectionFacts, { minLength: 1, maxLength: 20 }), (rule, accounts) => {
      const figures = new SelectionFigures(rule, accounts.length);
      const into: ConditionOutcomes = { actual: [], held: [] };
      accounts.forEach((facts, i) => figures.set(i, evaluateRuleInto(rule, facts, into), into));
      // The texts as they come back from the run's row.
      const texts = [...figures.texts];
      accounts.forEach((facts, i) => {
        expect(resultValues("selection", { values: null, figures: storedAt(figures, i) }, { rule, texts })).toEqual(evaluateRule(rule, facts));
      });
      expect(new Set(texts).size).toBe(texts.length);
    }));
  });

  it("stores a selection's texts once per run, and refuses a value of the wrong type for its field", () => {
    const rule: SelectionRule = { all: [{ field: "industry", op: "eq", value: "Energy" }, { field: "region", op: "neq", value: "East" }, { field: "revenue12m", op: "gt", value: 0 }] };
    const figures = new SelectionFigures(rule, 3);
    figures.set(0, true, { actual: ["Energy", "West", 10], held: [true, true, true] });
    figures.set(1, false, { actual: ["Retail", "Energy", null], held: [false, true, false] });
    figures.set(2, false, { actual: [null, "West", -5], held: [false, true, false] });
    expect(figures.texts).toEqual(["Energy", "West", "Retail"]);
    expect(figures.width).toBe(4);
    // Bits: passed, then each condition held; texts by number; none as NaN.
    expect(Array.from(figures.data)).toEqual([15, 0, 1, 10, 4, 2, 0, Number.NaN, 4, Number.NaN, 1, -5]);
    expect(() => figures.set(0, false, { actual: [3, "West", 10], held: [false, true, true] })).toThrow(/condition 0 of a selection has the value 3, not a text/);
    expect(() => figures.set(0, false, { actual: ["Energy", "West", "10"], held: [true, true, false] })).toThrow(/condition 2 .* not a number/);
    expect(() => resultValues("selection", { values: null, figures: storedAt(figures, 1) }, { rule, texts: ["Energy"] })).toThrow(/refers to text 2 of 1/);
    expect(() => resultValues("selection", { values: null, figures: storedAt(figures, 1) })).toThrow(/with its rule/);
    expect(() => resultValues("selection", { values: null, figures: storedAt(figures, 1) }, { rule: { field: "industry", op: "eq", value: "Energy" }, texts: figures.texts })).toThrow(/holds 4 figures, not 2/);
  });

  it("makes an earlier selection's trace from each condition's value and outcome stored as JSON, and shows an older run's trace as stored", () => {
    const rule: SelectionRule = { any: [{ field: "revenue12m", op: "gte", value: 1_000_000 }, { not: { field: "tier", op: "eq", value: "standard" } }] };
    const stored = { passed: true, actual: [1_500_000, "standard"], held: [true, true] };
    expect(resultValues("selection", { values: stored, figures: null }, { rule, texts: null })).toEqual({
      passed: true,
      conditions: [
        { path: "0", field: "revenue12m", op: "gte", value: 1_000_000, actual: 1_500_000, held: true },
        { path: "1.0", field: "tier", op: "eq", value: "standard", actual: "standard", held: true },
      ],
    });
    const older = { passed: false, conditions: [{ path: "", field: "orders12m", op: "gt", value: 0, actual: null, held: false }] };
    expect(resultValues("selection", { values: older, figures: null })).toEqual(older);
    expect(() => resultValues("selection", { values: stored, figures: null })).toThrow(/with its rule/);
  });

  it("gives a JSON result as it was stored, and refuses figures of the wrong size or of a kind without a layout", () => {
    expect(resultValues("forecast", { values: { mape: 0.1 }, figures: null })).toEqual({ mape: 0.1 });
    expect(() => resultValues("rfm", { values: null, figures: new Uint8Array(8 * 5) })).toThrow(/5 figures, not 6/);
    expect(() => resultValues("forecast", { values: null, figures: new Uint8Array(8) })).toThrow(/no figure layout/);
  });
});
