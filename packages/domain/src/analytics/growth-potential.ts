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
function slopeOf(y: readonly number[], from: number, n: number): number {
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

/**
 * The growth-potential score of an account, in [0, 1], with every input behind it:
 * trend (year-over-year growth and the slope of monthly revenue), share-of-wallet headroom,
 * open pipeline and manual strategic importance, combined with {@link GROWTH_WEIGHTS}.
 */
export function scoreGrowthPotential(input: GrowthInput): GrowthPotential {
  const months = input.monthlyRevenue;
  if (months.length !== 24) throw new RangeError("monthlyRevenue must hold 24 trailing months, oldest first");
  // Sums by index rather than over slices: a matrix run scores every account of the organization.
  let previousTotal = 0;
  let lastTotal = 0;
  for (let i = 0; i < 12; i++) {
    previousTotal += months[i]!;
    lastTotal += months[12 + i]!;
  }
  const lastMean = lastTotal / 12;
  const components: GrowthComponents = {
    yoyGrowth: previousTotal > 0 ? (lastTotal - previousTotal) / previousTotal : undefined,
    relativeSlope: lastMean > 0 ? slopeOf(months, 12, 12) / lastMean : undefined,
    walletHeadroom: input.estimatedTotalSpend !== undefined && input.estimatedTotalSpend > 0 ? clamp01(1 - Math.max(0, lastTotal) / input.estimatedTotalSpend) : undefined,
    pipelineRatio: input.openPipeline !== undefined && input.openPipeline + Math.max(0, lastTotal) > 0 ? clamp01(input.openPipeline / (input.openPipeline + Math.max(0, lastTotal))) : undefined,
    strategicImportance: input.strategicImportance,
  };
  // A first year of revenue after none at all is the strongest trend there is.
  if (components.yoyGrowth === undefined && previousTotal <= 0 && lastTotal > 0) components.yoyGrowth = Number.POSITIVE_INFINITY;
  const componentScores: GrowthPotential["componentScores"] = {};
  let weight = 0;
  let sum = 0;
  const use = (key: keyof GrowthComponents, score: number) => {
    componentScores[key] = score;
    weight += GROWTH_WEIGHTS[key];
    sum += GROWTH_WEIGHTS[key] * score;
  };
  if (components.yoyGrowth !== undefined) use("yoyGrowth", scoreYoy(components.yoyGrowth));
  if (components.relativeSlope !== undefined) use("relativeSlope", scoreSlope(components.relativeSlope));
  if (components.walletHeadroom !== undefined) use("walletHeadroom", components.walletHeadroom);
  if (components.pipelineRatio !== undefined) use("pipelineRatio", components.pipelineRatio);
  if (components.strategicImportance !== undefined) use("strategicImportance", scoreImportance(components.strategicImportance));
  return { score: weight > 0 ? sum / weight : 0, components, componentScores };
}
