import {
  type AnalysisKind, type ConditionOutcomes, GROWTH_COMPONENTS, NUMERIC_SELECTION_FIELDS, ruleConditions, type SelectionField, type SelectionRule, traceConditions,
} from "@openkam/domain";
import { endianness } from "node:os";
import { money, ratio } from "./run-context";

// How a result's figures are stored, and read back as the API's objects. RFM, Pareto, matrix and selection keep them as
// float8s, the same number per account in a fixed order, instead of a JSON object each: writing 100,000 matrix results
// spent most of its time turning numbers into JSON text and back (docs/performance.md, "Identify"). The runs write those
// figures here. Unknown figures (a matrix component that could not be computed) are NaN. A selection's layout follows
// its rule, and its texts are numbers into a list kept with the run. CLV and the forecast keep JSON objects.

if (endianness() !== "LE") throw new Error("the analysis result figures are stored little-endian");

const MONTHS = 24;
const PIPELINE_SOURCES = [null, "custom_field", "opportunities"] as const;

/** How many float8s one result of the kind takes, for the kinds of a fixed layout. */
export const FIGURE_WIDTHS = { rfm: 6, pareto: 4, matrix: 2 + MONTHS + 2 + 2 * GROWTH_COMPONENTS.length + 2 } as const;

export type FigureKind = keyof typeof FIGURE_WIDTHS;

function hasFigures(kind: AnalysisKind): kind is FigureKind {
  return kind in FIGURE_WIDTHS;
}

/** A run's figures: `width` float8s per result, result after result. */
export interface RunFigures {
  width: number;
  data: Float64Array;
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
function interleave(kind: FigureKind, count: number, columns: ReadonlyArray<readonly [ArrayLike<number>, number, Round]>): RunFigures {
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
  return { width, data: out };
}

export interface RfmFigureColumns {
  recency: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
  r: ArrayLike<number>;
  f: ArrayLike<number>;
  m: ArrayLike<number>;
}

export function rfmFigures(c: RfmFigureColumns): RunFigures {
  return interleave("rfm", c.recency.length, [[c.recency, 1, AS_IS], [c.frequency, 1, AS_IS], [c.monetary, 1, MONEY], [c.r, 1, AS_IS], [c.f, 1, AS_IS], [c.m, 1, AS_IS]]);
}

export interface ParetoFigureColumns {
  rank: ArrayLike<number>;
  revenue: ArrayLike<number>;
  share: ArrayLike<number>;
  cumulativeShare: ArrayLike<number>;
}

export function paretoFigures(c: ParetoFigureColumns): RunFigures {
  return interleave("pareto", c.rank.length, [[c.rank, 1, AS_IS], [c.revenue, 1, MONEY], [c.share, 1, RATIO], [c.cumulativeShare, 1, RATIO]]);
}

export type PipelineSource = (typeof PIPELINE_SOURCES)[number];

/** The code of a pipeline source in the matrix figures. */
export const pipelineSourceCode = (source: PipelineSource) => PIPELINE_SOURCES.indexOf(source);

export interface MatrixFigureColumns {
  revenue: ArrayLike<number>;
  revenuePrevious12m: ArrayLike<number>;
  /** 24 per result: the trailing months, oldest first, in whole cents (as the order book's pass gives them). */
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

export function matrixFigures(c: MatrixFigureColumns): RunFigures {
  const growth = GROWTH_COMPONENTS.length;
  return interleave("matrix", c.revenue.length, [
    // The months as they are: the order book's pass gives them in whole cents (a sum of cents, over 100), which
    // money() would give back unchanged — 2.4 million roundings for nothing at 100,000 accounts.
    [c.revenue, 1, MONEY], [c.revenuePrevious12m, 1, MONEY], [c.monthlyRevenue, MONTHS, AS_IS], [c.contribution, 1, RATIO], [c.growth, 1, RATIO],
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
export function figureBytes(figures: RunFigures, positions: ArrayLike<number>): Buffer {
  const { width, data } = figures;
  const first = positions[0] ?? 0;
  // Results listed in account id order (most runs') make a block of consecutive positions: its figures as they lie.
  if (positions.length > 0 && positions[positions.length - 1] === first + positions.length - 1) {
    return Buffer.from(data.buffer, data.byteOffset + first * width * 8, positions.length * width * 8);
  }
  const out = new Float64Array(positions.length * width);
  for (let k = 0; k < positions.length; k++) out.set(data.subarray(positions[k]! * width, (positions[k]! + 1) * width), k * width);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

// ---------------------------------------------------------------- selection

const NUMERIC_FIELDS: ReadonlySet<SelectionField> = new Set(NUMERIC_SELECTION_FIELDS);
/** Bits of a float8 that hold an integer exactly: whether the rule held, and each of at most 52 conditions. */
const MAX_STORED_CONDITIONS = 52;

/**
 * A selection's figures, filled account by account: per result, one number whose bits say whether the rule held
 * (bit 0) and whether each condition held (bit k + 1), then each condition's value for the account in the rule's
 * order — a number as it is, a text as its position in `texts` (kept with the run, result_texts), none as NaN. The
 * outcomes are stored, not worked out again when shown, so a result says what was decided when the run was made.
 */
export class SelectionFigures implements RunFigures {
  readonly width: number;
  readonly data: Float64Array;
  /** The texts the figures refer to, in order of first use. */
  readonly texts: string[] = [];
  private readonly textCodes = new Map<string, number>();
  private readonly numeric: boolean[];

  constructor(rule: SelectionRule, count: number) {
    const conditions = ruleConditions(rule);
    if (conditions.length > MAX_STORED_CONDITIONS) throw new Error(`a selection stores at most ${MAX_STORED_CONDITIONS} conditions, not ${conditions.length}`);
    this.numeric = conditions.map(({ condition }) => NUMERIC_FIELDS.has(condition.field));
    this.width = 1 + conditions.length;
    this.data = new Float64Array(count * this.width);
  }

  set(position: number, passed: boolean, outcomes: ConditionOutcomes): void {
    const at = position * this.width;
    let bits = passed ? 1 : 0;
    for (let k = 0, bit = 2; k < this.numeric.length; k++, bit *= 2) {
      if (outcomes.held[k]) bits += bit;
      this.data[at + 1 + k] = this.encode(k, outcomes.actual[k] ?? null);
    }
    this.data[at] = bits;
  }

  private encode(k: number, actual: number | string | null): number {
    if (actual === null) return Number.NaN;
    if (this.numeric[k] !== (typeof actual === "number")) throw new Error(`condition ${k} of a selection has the value ${JSON.stringify(actual)}, not a ${this.numeric[k] ? "number" : "text"}`);
    if (typeof actual === "number") return actual;
    let code = this.textCodes.get(actual);
    if (code === undefined) {
      code = this.texts.push(actual) - 1;
      this.textCodes.set(actual, code);
    }
    return code;
  }
}

/** A selection result as the API shows it, from its stored figures, the run's rule and its texts. */
function readSelection(f: Float64Array, conditions: ReturnType<typeof ruleConditions>, texts: readonly string[]): Record<string, unknown> {
  const outcomes: ConditionOutcomes = { actual: [], held: [] };
  const bits = f[0]!;
  for (let k = 0, bit = 2; k < conditions.length; k++, bit *= 2) {
    outcomes.held.push(Math.floor(bits / bit) % 2 === 1);
    const stored = f[1 + k]!;
    if (Number.isNaN(stored)) outcomes.actual.push(null);
    else if (NUMERIC_FIELDS.has(conditions[k]!.condition.field)) outcomes.actual.push(stored);
    else {
      const text = texts[stored];
      if (text === undefined) throw new Error(`a selection result refers to text ${stored} of ${texts.length}`);
      outcomes.actual.push(text);
    }
  }
  return { passed: bits % 2 === 1, conditions: traceConditions(conditions, outcomes) };
}

/** What a selection's results are read with: the run's rule, and the texts its figures refer to. */
export interface SelectionContext {
  rule: SelectionRule;
  texts: readonly string[] | null;
}

/**
 * One result's figures as the API shows them: its JSON object as stored, or its stored float8s read in the kind's
 * layout. A selection's trace is made from its stored outcomes and the run's rule; selections made before stored each
 * condition's value and outcome as JSON (`actual`, `held`), and before that the trace whole. Every reader of a
 * result's figures goes through here.
 */
export function resultValues(kind: AnalysisKind, stored: { values: Record<string, unknown> | null; figures: Uint8Array | null }, selection?: SelectionContext): Record<string, unknown> {
  if (kind === "selection" && !selection && (stored.figures !== null || Array.isArray(stored.values?.held))) throw new Error("a selection's result is read with its rule");
  if (stored.values !== null || stored.figures === null) {
    const values = stored.values ?? {};
    if (kind !== "selection" || !Array.isArray(values.held)) return values;
    return { passed: values.passed, conditions: traceConditions(ruleConditions(selection!.rule), values as never) };
  }
  // A copy: the driver's bytes need not start at a multiple of 8.
  const bytes = new Uint8Array(stored.figures);
  const figures = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  if (kind === "selection") {
    const conditions = ruleConditions(selection!.rule);
    if (figures.length !== 1 + conditions.length) throw new Error(`a selection result holds ${figures.length} figures, not ${1 + conditions.length}`);
    return readSelection(figures, conditions, selection!.texts ?? []);
  }
  if (!hasFigures(kind)) throw new Error(`a ${kind} result has no figure layout`);
  if (figures.length !== FIGURE_WIDTHS[kind]) throw new Error(`a ${kind} result holds ${figures.length} figures, not ${FIGURE_WIDTHS[kind]}`);
  return READERS[kind](figures);
}
