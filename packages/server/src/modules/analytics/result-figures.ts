import { type AnalysisKind, ruleConditions, type SelectionRule, traceConditions } from "@openkam/domain";
import { endianness } from "node:os";

// How a result's figures are stored, and read back as the API's objects. The kinds whose figures are all numbers (RFM,
// Pareto, matrix) keep them as float8s, the same number per account in a fixed order, instead of a JSON object each:
// writing 100,000 matrix results spent most of its time turning numbers into JSON text and back (docs/performance.md,
// "Identify"). The runs write those figures here. Unknown figures (a matrix component that could not be computed) are
// NaN. The other kinds keep JSON objects, a selection's without what its rule says of every account.

if (endianness() !== "LE") throw new Error("the analysis result figures are stored little-endian");

const GROWTH_KEYS = ["yoyGrowth", "relativeSlope", "walletHeadroom", "pipelineRatio", "strategicImportance"] as const;
const MONTHS = 24;
const PIPELINE_SOURCES = [null, "custom_field", "opportunities"] as const;

/** How many float8s one result of the kind takes, for the kinds stored that way. */
export const FIGURE_WIDTHS = { rfm: 6, pareto: 4, matrix: 2 + MONTHS + 2 + 2 * GROWTH_KEYS.length + 2 } as const;

export type FigureKind = keyof typeof FIGURE_WIDTHS;

function hasFigures(kind: AnalysisKind): kind is FigureKind {
  return kind in FIGURE_WIDTHS;
}

/** Room for the figures of `count` results of a kind, in the order of the run's results. */
export function figureArray(kind: FigureKind, count: number): Float64Array {
  return new Float64Array(count * FIGURE_WIDTHS[kind]);
}

export function writeRfmFigures(out: Float64Array, i: number, v: { recency: number; frequency: number; monetary: number; r: number; f: number; m: number }): void {
  const at = i * FIGURE_WIDTHS.rfm;
  out[at] = v.recency;
  out[at + 1] = v.frequency;
  out[at + 2] = v.monetary;
  out[at + 3] = v.r;
  out[at + 4] = v.f;
  out[at + 5] = v.m;
}

export function writeParetoFigures(out: Float64Array, i: number, v: { rank: number; revenue: number; share: number; cumulativeShare: number }): void {
  const at = i * FIGURE_WIDTHS.pareto;
  out[at] = v.rank;
  out[at + 1] = v.revenue;
  out[at + 2] = v.share;
  out[at + 3] = v.cumulativeShare;
}

type Growth = Record<(typeof GROWTH_KEYS)[number], number | null>;

export interface MatrixFigures {
  revenue: number;
  revenuePrevious12m: number;
  /** The 24 trailing months, oldest first. */
  monthlyRevenue: ArrayLike<number>;
  contribution: number;
  growth: number;
  components: Growth;
  componentScores: Growth;
  openPipeline: number | null;
  pipelineSource: (typeof PIPELINE_SOURCES)[number];
}

const orNaN = (value: number | null) => (value === null ? Number.NaN : value);
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

export function writeMatrixFigures(out: Float64Array, i: number, v: MatrixFigures): void {
  let at = i * FIGURE_WIDTHS.matrix;
  out[at++] = v.revenue;
  out[at++] = v.revenuePrevious12m;
  for (let k = 0; k < MONTHS; k++) out[at++] = v.monthlyRevenue[k]!;
  out[at++] = v.contribution;
  out[at++] = v.growth;
  // Property by property, in GROWTH_KEYS' order: a loop over the keys took a microsecond an account.
  for (const g of [v.components, v.componentScores]) {
    out[at++] = orNaN(g.yoyGrowth);
    out[at++] = orNaN(g.relativeSlope);
    out[at++] = orNaN(g.walletHeadroom);
    out[at++] = orNaN(g.pipelineRatio);
    out[at++] = orNaN(g.strategicImportance);
  }
  out[at++] = orNaN(v.openPipeline);
  out[at] = v.pipelineSource === null ? 0 : v.pipelineSource === "custom_field" ? 1 : 2;
}

function readMatrix(f: Float64Array): Record<string, unknown> {
  let at = 0;
  const revenue = f[at++]!;
  const revenuePrevious12m = f[at++]!;
  const monthlyRevenue = Array.from(f.subarray(at, (at += MONTHS)));
  const contribution = f[at++]!;
  const growth = f[at++]!;
  const components = Object.fromEntries(GROWTH_KEYS.map((key) => [key, orNull(f[at++]!)]));
  const componentScores = Object.fromEntries(GROWTH_KEYS.map((key) => [key, orNull(f[at++]!)]));
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
