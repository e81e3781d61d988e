import type { SelectionRule } from "@openkam/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figureBytes, FIGURE_WIDTHS, matrixFigures, paretoFigures, pipelineSourceCode, resultValues, rfmFigures } from "./result-figures";

/** The bytes a reader gets back for the result at `position`, as a driver hands them: at an odd offset of a larger buffer. */
function storedAt(kind: "rfm" | "pareto" | "matrix", figures: Float64Array, position: number): Uint8Array {
  const bytes = figureBytes(kind, figures, [position]);
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

describe("result figures", () => {
  it("reads back what the matrix wrote, unknown components and the pipeline's source included", () => {
    fc.assert(fc.property(fc.array(matrixResult, { minLength: 1, maxLength: 5 }), (rows) => {
      const figures = matrixFigures(matrixColumns(rows));
      rows.forEach((row, i) => {
        expect(resultValues("matrix", { values: null, figures: storedAt("matrix", figures, i) })).toEqual(row);
      });
    }));
  });

  it("stores amounts to the cent and ratios to six decimals, an infinite growth as unknown", () => {
    const [row] = fc.sample(matrixResult, { numRuns: 1, seed: 2 });
    const columns = { ...matrixColumns([row!]), revenue: [1234.5678], contribution: [1 / 3] };
    columns.components[0] = Number.POSITIVE_INFINITY;
    const read = resultValues("matrix", { values: null, figures: storedAt("matrix", matrixFigures(columns), 0) });
    expect(read).toMatchObject({ revenue: 1234.57, contribution: 0.333333, components: { yoyGrowth: null } });
    const rfm = rfmFigures({ recency: [3], frequency: [2], monetary: [10.005], r: [5], f: [2], m: [1] });
    expect(resultValues("rfm", { values: null, figures: storedAt("rfm", rfm, 0) })).toMatchObject({ monetary: 10.01 });
  });

  it("reads back RFM and Pareto figures in the API's shape", () => {
    const rfm = rfmFigures({ recency: [40, 3], frequency: [1, 12], monetary: [9.5, 4567.89], r: [1, 5], f: [1, 4], m: [2, 3] });
    expect(resultValues("rfm", { values: null, figures: storedAt("rfm", rfm, 0) })).toEqual({ recency: 40, frequency: 1, monetary: 9.5, r: 1, f: 1, m: 2 });
    expect(resultValues("rfm", { values: null, figures: storedAt("rfm", rfm, 1) })).toEqual({ recency: 3, frequency: 12, monetary: 4567.89, r: 5, f: 4, m: 3 });
    const pareto = paretoFigures({ rank: [1], revenue: [-20.5], share: [0.25], cumulativeShare: [1] });
    expect(resultValues("pareto", { values: null, figures: storedAt("pareto", pareto, 0) })).toEqual({ rank: 1, revenue: -20.5, share: 0.25, cumulativeShare: 1 });
  });

  it("refuses columns that do not hold one entry (or one row of the layout) per result", () => {
    expect(() => paretoFigures({ rank: [1, 2], revenue: [3], share: [0, 0], cumulativeShare: [0, 0] })).toThrow(/pareto figure column holds 1 numbers, not 2/);
    const [row] = fc.sample(matrixResult, { numRuns: 1, seed: 1 });
    expect(() => matrixFigures({ ...matrixColumns([row!]), monthlyRevenue: new Array<number>(23).fill(0) })).toThrow(/matrix figure column holds 23 numbers, not 24/);
  });

  it("cuts a block's figures in the order of its positions, consecutive or not", () => {
    const figures = Float64Array.from({ length: 4 * FIGURE_WIDTHS.pareto }, (_, i) => i);
    const read = (positions: number[]) => Array.from(new Float64Array(new Uint8Array(figureBytes("pareto", figures, positions)).buffer));
    expect(read([1, 2])).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(read([3, 0])).toEqual([12, 13, 14, 15, 0, 1, 2, 3]);
  });

  it("makes a selection's trace again from each condition's value and outcome and the run's rule, and shows an older run's trace as stored", () => {
    const rule: SelectionRule = { any: [{ field: "revenue12m", op: "gte", value: 1_000_000 }, { not: { field: "tier", op: "eq", value: "standard" } }] };
    const stored = { passed: true, actual: [1_500_000, "standard"], held: [true, true] };
    expect(resultValues("selection", { values: stored, figures: null }, rule)).toEqual({
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
    expect(() => resultValues("selection", { values: null, figures: new Uint8Array(8) })).toThrow(/no figure layout/);
  });
});
