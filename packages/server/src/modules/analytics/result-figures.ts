import { type AnalysisKind, GROWTH_COMPONENTS, ruleConditions, type SelectionRule, traceConditions } from "@openkam/domain";
import { endianness } from "node:os";
import { money, ratio } from "./run-context";

// How a result's figures are stored, and read back as the API's objects. The kinds whose figures are all numbers (RFM,
// Pareto, matrix) keep them as float8s, the same number per account in a fixed order, instead of a JSON object each:
// writing 100,000 matrix results spent most of its time turning numbers into JSON text and back (docs/performance.md,
// "Identify"). The runs write those figures here. Unknown figures (a matrix component that could not be computed) are
// NaN. The other kinds keep JSON objects, a selection's without what its rule says of every account.

if (endianness() !== "LE") throw new Error("the analysis result figures are stored little-endian");

const MONTHS = 24;
const PIPELINE_SOURCES = [null, "custom_field", "opportunities"] as const;

/** How many float8s one result of the kind takes, for the kinds stored that way. */
export const FIGURE_WIDTHS = { rfm: 6, pareto: 4, matrix: 2 + MONTHS + 2 + 2 * GROWTH_COMPONENTS.length + 2 } as const;

export type FigureKind = keyof typeof FIGURE_WIDTHS;

function hasFigures(kind: AnalysisKind): kind is FigureKind {
  return kind in FIGURE_WIDTHS;
}

/** How a column's figures are stored: as they are, amounts to the cent, ratios to six decimals (NaN when there is none). */
const AS_IS = 0;
const MONEY = 1;
const RATIO = 2;
const RATIO_OR_NAN = 3;
type Round = typeof AS_IS | typeof MONEY | typeof RATIO | typeof RATIO_OR_NAN;

/**
 * Figures given as columns (each `width` numbers per result, and how they are rounded), laid out result by result in
 * the columns' order: the layout of a kind is the list of its columns. Figures are stored as people read them,
 * amounts to the cent and ratios to six decimals (run-context.ts); rounded here, in one pass with the layout. The
 * rounding is chosen by a switch rather than passed as a function: a function called through a variable for each of
 * a matrix run's 4 million figures took twice as long (90–100 ms against 45–60 ms).
 */
function interleave(kind: FigureKind, count: number, columns: ReadonlyArray<readonly [ArrayLike<number>, number, Round]>): Float64Array {
  const width = FIGURE_WIDTHS[kind];
  const out = new Float64Array(count * width);
  let offset = 0;
  for (const [column, w, round] of columns) {
    if (column.length !== count * w) throw new Error(`a ${kind} figure column holds ${column.length} numbers, not ${count * w}`);
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < w; k++) {
        const value = column[i * w + k]!;
        let stored: number;
        switch (round) {
          case AS_IS: stored = value; break;
          case MONEY: stored = money(value); break;
          case RATIO: stored = ratio(value); break;
          case RATIO_OR_NAN: stored = Number.isFinite(value) ? ratio(value) : Number.NaN; break;
        }
        out[i * width + offset + k] = stored;
      }
    }
    offset += w;
  }
  if (offset !== width) throw new Error(`the ${kind} figure columns are ${offset} wide, not ${width}`);
  return out;
}

export interface RfmFigureColumns {
  recency: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
  r: ArrayLike<number>;
  f: ArrayLike<number>;
  m: ArrayLike<number>;
}

export function rfmFigures(c: RfmFigureColumns): Float64Array {
  return interleave("rfm", c.recency.length, [[c.recency, 1, AS_IS], [c.frequency, 1, AS_IS], [c.monetary, 1, MONEY], [c.r, 1, AS_IS], [c.f, 1, AS_IS], [c.m, 1, AS_IS]]);
}

export interface ParetoFigureColumns {
  rank: ArrayLike<number>;
  revenue: ArrayLike<number>;
  share: ArrayLike<number>;
  cumulativeShare: ArrayLike<number>;
}

export function paretoFigures(c: ParetoFigureColumns): Float64Array {
  return interleave("pareto", c.rank.length, [[c.rank, 1, AS_IS], [c.revenue, 1, MONEY], [c.share, 1, RATIO], [c.cumulativeShare, 1, RATIO]]);
}

export type PipelineSource = (typeof PIPELINE_SOURCES)[number];

/** The code of a pipeline source in the matrix figures. */
export const pipelineSourceCode = (source: PipelineSource) => PIPELINE_SOURCES.indexOf(source);

export interface MatrixFigureColumns {
  revenue: ArrayLike<number>;
  revenuePrevious12m: ArrayLike<number>;
  /** 24 per result: the trailing months, oldest first. */
  monthlyRevenue: ArrayLike<number>;
  contribution: ArrayLike<number>;
  growth: ArrayLike<number>;
  /** Five per result, in the order yoyGrowth, relativeSlope, walletHeadroom, pipelineRatio, strategicImportance; NaN (or infinite) when unknown. */
  components: ArrayLike<number>;
  componentScores: ArrayLike<number>;
  /** NaN when none. */
  openPipeline: ArrayLike<number>;
  /** pipelineSourceCode of each result's pipeline source. */
  pipelineSource: ArrayLike<number>;
}

export function matrixFigures(c: MatrixFigureColumns): Float64Array {
  const growth = GROWTH_COMPONENTS.length;
  return interleave("matrix", c.revenue.length, [
    [c.revenue, 1, MONEY], [c.revenuePrevious12m, 1, MONEY], [c.monthlyRevenue, MONTHS, MONEY], [c.contribution, 1, RATIO], [c.growth, 1, RATIO],
    [c.components, growth, RATIO_OR_NAN], [c.componentScores, growth, RATIO_OR_NAN], [c.openPipeline, 1, AS_IS], [c.pipelineSource, 1, AS_IS],
  ]);
}

const orNull = (value: number) => (Number.isNaN(value) ? null : value);

function readMatrix(f: Float64Array): Record<string, unknown> {
  let at = 0;
  const revenue = f[at++]!;
  const revenuePrevious12m = f[at++]!;
  const monthlyRevenue = Array.from(f.subarray(at, (at += MONTHS)));
  const contribution = f[at++]!;
  const growth = f[at++]!;
  const components = Object.fromEntries(GROWTH_COMPONENTS.map((key) => [key, orNull(f[at++]!)]));
  const componentScores = Object.fromEntries(GROWTH_COMPONENTS.map((key) => [key, orNull(f[at++]!)]));
  const openPipeline = orNull(f[at++]!);
  return { revenue, revenuePrevious12m, monthlyRevenue, contribution, growth, components, componentScores, openPipeline, pipelineSource: PIPELINE_SOURCES[f[at]!] ?? null };
}

const READERS: Record<FigureKind, (f: Float64Array) => Record<string, unknown>> = {
  rfm: (f) => ({ recency: f[0], frequency: f[1], monetary: f[2], r: f[3], f: f[4], m: f[5] }),
  pareto: (f) => ({ rank: f[0], revenue: f[1], share: f[2], cumulativeShare: f[3] }),
  matrix: readMatrix,
};

/** The figures of a block's results at positions, as bytes to store (their slices of `figures`, in that order). */
export function figureBytes(kind: FigureKind, figures: Float64Array, positions: ArrayLike<number>): Buffer {
  const width = FIGURE_WIDTHS[kind];
  const first = positions[0] ?? 0;
  // Results listed in account id order (most runs') make a block of consecutive positions: its figures as they lie.
  if (positions.length > 0 && positions[positions.length - 1] === first + positions.length - 1) {
    return Buffer.from(figures.buffer, figures.byteOffset + first * width * 8, positions.length * width * 8);
  }
  const out = new Float64Array(positions.length * width);
  for (let k = 0; k < positions.length; k++) out.set(figures.subarray(positions[k]! * width, (positions[k]! + 1) * width), k * width);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * One result's figures as the API shows them: its JSON object as stored, or its stored float8s read in the kind's
 * layout. A selection stores each condition's value and outcome only (`actual`, `held`), and its trace is made again
 * from them and the run's `rule`; selections made before stored the trace whole. Every reader of a result's figures
 * goes through here.
 */
export function resultValues(kind: AnalysisKind, stored: { values: Record<string, unknown> | null; figures: Uint8Array | null }, rule?: SelectionRule): Record<string, unknown> {
  if (stored.values !== null || stored.figures === null) {
    const values = stored.values ?? {};
    if (kind !== "selection" || !Array.isArray(values.held)) return values;
    if (!rule) throw new Error("a selection's result is read with its rule");
    return { passed: values.passed, conditions: traceConditions(ruleConditions(rule), values as never) };
  }
  if (!hasFigures(kind)) throw new Error(`a ${kind} result has no figure layout`);
  // A copy: the driver's bytes need not start at a multiple of 8.
  const bytes = new Uint8Array(stored.figures);
  const figures = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  if (figures.length !== FIGURE_WIDTHS[kind]) throw new Error(`a ${kind} result holds ${figures.length} figures, not ${FIGURE_WIDTHS[kind]}`);
  return READERS[kind](figures);
}
