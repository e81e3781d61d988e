import { column } from "./columns";
import { type GrowthColumns, growthColumns, type GrowthInput, type GrowthPotential, growthPotentialAt, scoreGrowthInto } from "./growth-potential";

export const MATRIX_QUADRANTS = ["strategic_partner", "cash_cow", "problem_account", "dog"] as const;
export type MatrixQuadrant = (typeof MATRIX_QUADRANTS)[number];

export interface MatrixInput extends GrowthInput {
  customer: string;
}

/** Cut-offs between low and high; each defaults to the median over the analysed accounts. */
export interface MatrixThresholds {
  /** Share of total last-12-month revenue. */
  contribution?: number;
  /** Growth-potential score in [0, 1]. */
  growth?: number;
}

export interface MatrixRow {
  customer: string;
  /** Revenue of the last 12 trailing months. */
  revenue: number;
  /** revenue / total revenue of all analysed accounts (negative revenue counts as zero). */
  contribution: number;
  growth: GrowthPotential;
  quadrant: MatrixQuadrant;
}

export interface MatrixResult {
  thresholds: Required<MatrixThresholds>;
  counts: Record<MatrixQuadrant, number>;
  customers: MatrixRow[];
}

/** High contribution and high growth → strategic partner; high/low → cash cow; low/high → problem account; low/low → dog. */
export function quadrantOf(highContribution: boolean, highGrowth: boolean): MatrixQuadrant {
  if (highContribution) return highGrowth ? "strategic_partner" : "cash_cow";
  return highGrowth ? "problem_account" : "dog";
}

/** Median of a list (mean of the two middle values for an even count; 0 for an empty list). */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * What the matrix knows of many accounts side by side: 24 trailing months of revenue each (oldest first, account i at
 * 24 × i), and the growth inputs of {@link GrowthInput}, NaN where unknown.
 */
export interface MatrixColumns {
  monthlyRevenue: Float64Array;
  estimatedTotalSpend: Float64Array;
  openPipeline: Float64Array;
  strategicImportance: Float64Array;
}

/** Each account's place in the matrix, by position (see {@link scoreMatrix}). */
export interface MatrixScores {
  thresholds: Required<MatrixThresholds>;
  counts: Record<MatrixQuadrant, number>;
  revenue: Float64Array;
  contribution: Float64Array;
  growth: GrowthColumns;
  /** An index into MATRIX_QUADRANTS. */
  quadrant: Uint8Array;
}

/**
 * Places each account in the contribution × growth matrix. An account is "high" on an axis when
 * its value is at or above the threshold (≥), so with the default median thresholds at least half
 * the accounts are high on each axis. Rows come back in the order of `accounts`.
 */
export function computeSegmentationMatrix(accounts: readonly MatrixInput[], thresholds: MatrixThresholds = {}): MatrixResult {
  const columns: MatrixColumns = {
    monthlyRevenue: new Float64Array(accounts.length * 24),
    estimatedTotalSpend: column(accounts.length, (i) => accounts[i]!.estimatedTotalSpend ?? Number.NaN),
    openPipeline: column(accounts.length, (i) => accounts[i]!.openPipeline ?? Number.NaN),
    strategicImportance: column(accounts.length, (i) => accounts[i]!.strategicImportance ?? Number.NaN),
  };
  accounts.forEach((a, i) => {
    if (a.monthlyRevenue.length !== 24) throw new RangeError("monthlyRevenue must hold 24 trailing months, oldest first");
    columns.monthlyRevenue.set(a.monthlyRevenue, i * 24);
  });
  const scores = scoreMatrix(columns, thresholds);
  return {
    thresholds: scores.thresholds,
    counts: scores.counts,
    customers: accounts.map((a, i) => ({
      customer: a.customer,
      revenue: scores.revenue[i]!,
      contribution: scores.contribution[i]!,
      growth: growthPotentialAt(scores.growth, i),
      quadrant: MATRIX_QUADRANTS[scores.quadrant[i]!]!,
    })),
  };
}

/**
 * {@link computeSegmentationMatrix} on columns, the results by position: runs place every account of an organization
 * this way, without objects per account.
 */
export function scoreMatrix(columns: MatrixColumns, thresholds: MatrixThresholds = {}): MatrixScores {
  const n = columns.estimatedTotalSpend.length;
  if (columns.monthlyRevenue.length !== n * 24 || columns.openPipeline.length !== n || columns.strategicImportance.length !== n) throw new RangeError("the matrix columns must have one entry (24 months) per account");
  const months = columns.monthlyRevenue;
  const revenue = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 12; k < 24; k++) sum += months[i * 24 + k]!;
    revenue[i] = sum;
    total += Math.max(0, sum);
  }
  const contribution = column(n, (i) => (total > 0 ? Math.max(0, revenue[i]!) / total : 0));
  const growth = growthColumns(n);
  for (let i = 0; i < n; i++) scoreGrowthInto(months, i * 24, columns.estimatedTotalSpend[i]!, columns.openPipeline[i]!, columns.strategicImportance[i]!, growth, i);
  const used = { contribution: thresholds.contribution ?? median(contribution), growth: thresholds.growth ?? median(growth.score) };
  const counts: Record<MatrixQuadrant, number> = { strategic_partner: 0, cash_cow: 0, problem_account: 0, dog: 0 };
  const quadrant = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const q = quadrantOf(contribution[i]! >= used.contribution, growth.score[i]! >= used.growth);
    counts[q]++;
    quadrant[i] = MATRIX_QUADRANTS.indexOf(q);
  }
  return { thresholds: used, counts, revenue, contribution, growth, quadrant };
}
