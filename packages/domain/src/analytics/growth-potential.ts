import type { DayNumber } from "./dates";

/** Length of a trailing month: a year of 365.25 days in twelve. */
export const TRAILING_MONTH_DAYS = 365.25 / 12;

/**
 * Which trailing month before `asOf` a day falls in: 0 for the 30.44 days ending on `asOf`,
 * 11 for the oldest month of the last year, 12-23 for the year before. Trailing months (rather
 * than calendar months) keep the last month whole whatever the analysis date.
 */
export function trailingMonthOf(day: DayNumber, asOf: DayNumber): number {
  return Math.floor((asOf - day) / TRAILING_MONTH_DAYS);
}

/** What is known about an account's growth. Only `monthlyRevenue` is required; missing inputs are left out of the score. */
export interface GrowthInput {
  /** Revenue of the last 24 trailing months, oldest first (index 23 is the month ending on `asOf`). */
  monthlyRevenue: readonly number[];
  /** The account's estimated total annual spend on what we sell (share-of-wallet denominator). */
  estimatedTotalSpend?: number;
  /** Value of open opportunities. */
  openPipeline?: number;
  /** Manual strategic importance, 1 (none) to 5 (top). */
  strategicImportance?: number;
}

export interface GrowthComponents {
  /** Year-over-year growth of the last 12 months against the 12 before, e.g. 0.25 = +25%; undefined when the earlier year had no revenue. */
  yoyGrowth: number | undefined;
  /** Least-squares slope of the last 12 months' revenue per month, divided by their mean monthly revenue. */
  relativeSlope: number | undefined;
  /** 1 − last-12-month revenue / estimated total spend, in [0, 1]. */
  walletHeadroom: number | undefined;
  /** Open pipeline / (open pipeline + last-12-month revenue), in [0, 1]. */
  pipelineRatio: number | undefined;
  strategicImportance: number | undefined;
}

export interface GrowthPotential {
  /** Weighted mean of the available component scores, in [0, 1]. */
  score: number;
  components: GrowthComponents;
  /** Each available component mapped to [0, 1], as weighed into `score`. */
  componentScores: Partial<Record<keyof GrowthComponents, number>>;
}

/** Weights of the growth components; missing components are dropped and the rest re-weighed to sum to 1. */
export const GROWTH_WEIGHTS: Readonly<Record<keyof GrowthComponents, number>> = {
  yoyGrowth: 0.2,
  relativeSlope: 0.2,
  walletHeadroom: 0.25,
  pipelineRatio: 0.15,
  strategicImportance: 0.2,
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** −100% → 0, flat → 0.5, +100% or more → 1 (linear in between). */
export const scoreYoy = (growth: number) => clamp01(0.5 + growth / 2);
/** Shrinking by a twelfth of the mean per month → 0, flat → 0.5, growing by a twelfth per month (doubling pace) → 1. */
export const scoreSlope = (relativeSlope: number) => clamp01(0.5 + 6 * relativeSlope);
/** Manual importance 1 → 0 … 5 → 1. */
export const scoreImportance = (importance: number) => clamp01((importance - 1) / 4);

/** Least-squares slope of y against 0, 1, …, n − 1. */
export function leastSquaresSlope(y: readonly number[]): number {
  return slopeOf(y, 0, y.length);
}

/** Least-squares slope of y[from], …, y[from + n − 1] against 0, 1, …, n − 1 (no copy of the range). */
function slopeOf(y: ArrayLike<number>, from: number, n: number): number {
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  let total = 0;
  for (let i = 0; i < n; i++) total += y[from + i]!;
  const meanY = total / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - meanX) * (y[from + i]! - meanY);
    sxx += (i - meanX) ** 2;
  }
  return sxy / sxx;
}

/** The components in the order the columns of {@link GrowthColumns} hold them. */
export const GROWTH_COMPONENTS = ["yoyGrowth", "relativeSlope", "walletHeadroom", "pipelineRatio", "strategicImportance"] as const satisfies ReadonlyArray<keyof GrowthComponents>;

const WEIGHTS = Float64Array.from(GROWTH_COMPONENTS, (key) => GROWTH_WEIGHTS[key]);

/**
 * The growth potential of many accounts side by side: the score of each, and five components and five component
 * scores each, in GROWTH_COMPONENTS order, NaN where a component is not available.
 */
export interface GrowthColumns {
  score: Float64Array;
  components: Float64Array;
  componentScores: Float64Array;
}

export function growthColumns(accounts: number): GrowthColumns {
  const width = GROWTH_COMPONENTS.length;
  return { score: new Float64Array(accounts), components: new Float64Array(accounts * width), componentScores: new Float64Array(accounts * width) };
}

/**
 * Scores the growth potential of account `i` into `out` (see {@link scoreGrowthPotential}): its 24 trailing months
 * are months[from … from + 23], oldest first; an unknown spend, pipeline or importance is NaN. Runs score every
 * account of an organization this way, without objects per account.
 */
export function scoreGrowthInto(months: ArrayLike<number>, from: number, spend: number, pipeline: number, importance: number, out: GrowthColumns, i: number): void {
  let previousTotal = 0;
  let lastTotal = 0;
  for (let k = 0; k < 12; k++) {
    previousTotal += months[from + k]!;
    lastTotal += months[from + 12 + k]!;
  }
  const lastMean = lastTotal / 12;
  const sold = Math.max(0, lastTotal);
  // A first year of revenue after none at all is the strongest trend there is.
  const yoy = previousTotal > 0 ? (lastTotal - previousTotal) / previousTotal : lastTotal > 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  const slope = lastMean > 0 ? slopeOf(months, from + 12, 12) / lastMean : Number.NaN;
  const headroom = spend > 0 ? clamp01(1 - sold / spend) : Number.NaN;
  const pipelineRatio = pipeline + sold > 0 ? clamp01(pipeline / (pipeline + sold)) : Number.NaN;
  const at = i * GROWTH_COMPONENTS.length;
  const { components, componentScores } = out;
  components[at] = yoy;
  components[at + 1] = slope;
  components[at + 2] = headroom;
  components[at + 3] = pipelineRatio;
  components[at + 4] = importance;
  componentScores[at] = Number.isNaN(yoy) ? yoy : scoreYoy(yoy);
  componentScores[at + 1] = Number.isNaN(slope) ? slope : scoreSlope(slope);
  componentScores[at + 2] = headroom;
  componentScores[at + 3] = pipelineRatio;
  componentScores[at + 4] = Number.isNaN(importance) ? importance : scoreImportance(importance);
  let weight = 0;
  let sum = 0;
  for (let k = 0; k < GROWTH_COMPONENTS.length; k++) {
    const score = componentScores[at + k]!;
    if (Number.isNaN(score)) continue;
    weight += WEIGHTS[k]!;
    sum += WEIGHTS[k]! * score;
  }
  out.score[i] = weight > 0 ? sum / weight : 0;
}

/** Account i's growth potential of columns as an object, undefined for what is NaN there. */
export function growthPotentialAt(columns: GrowthColumns, i: number): GrowthPotential {
  const at = i * GROWTH_COMPONENTS.length;
  const components = {} as GrowthComponents;
  const componentScores: GrowthPotential["componentScores"] = {};
  GROWTH_COMPONENTS.forEach((key, k) => {
    const value = columns.components[at + k]!;
    components[key] = Number.isNaN(value) ? undefined : value;
    const score = columns.componentScores[at + k]!;
    if (!Number.isNaN(score)) componentScores[key] = score;
  });
  return { score: columns.score[i]!, components, componentScores };
}

/**
 * The growth-potential score of an account, in [0, 1], with every input behind it:
 * trend (year-over-year growth and the slope of monthly revenue), share-of-wallet headroom,
 * open pipeline and manual strategic importance, combined with {@link GROWTH_WEIGHTS}.
 */
export function scoreGrowthPotential(input: GrowthInput): GrowthPotential {
  if (input.monthlyRevenue.length !== 24) throw new RangeError("monthlyRevenue must hold 24 trailing months, oldest first");
  const out = growthColumns(1);
  scoreGrowthInto(input.monthlyRevenue, 0, input.estimatedTotalSpend ?? Number.NaN, input.openPipeline ?? Number.NaN, input.strategicImportance ?? Number.NaN, out, 0);
  return growthPotentialAt(out, 0);
}
