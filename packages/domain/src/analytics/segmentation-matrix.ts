import { type GrowthInput, type GrowthPotential, scoreGrowthPotential } from "./growth-potential";

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
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Places each account in the contribution × growth matrix. An account is "high" on an axis when
 * its value is at or above the threshold (≥), so with the default median thresholds at least half
 * the accounts are high on each axis.
 */
export function computeSegmentationMatrix(accounts: readonly MatrixInput[], thresholds: MatrixThresholds = {}): MatrixResult {
  const revenue = accounts.map((a) => {
    let total = 0;
    for (let i = 12; i < 24; i++) total += a.monthlyRevenue[i]!;
    return total;
  });
  const total = revenue.reduce((s, v) => s + Math.max(0, v), 0);
  const contribution = revenue.map((v) => (total > 0 ? Math.max(0, v) / total : 0));
  const growth = accounts.map((a) => scoreGrowthPotential(a));
  const used = {
    contribution: thresholds.contribution ?? median(contribution),
    growth: thresholds.growth ?? median(growth.map((g) => g.score)),
  };
  const counts: Record<MatrixQuadrant, number> = { strategic_partner: 0, cash_cow: 0, problem_account: 0, dog: 0 };
  const customers = accounts.map((a, i): MatrixRow => {
    const quadrant = quadrantOf(contribution[i]! >= used.contribution, growth[i]!.score >= used.growth);
    counts[quadrant]++;
    return { customer: a.customer, revenue: revenue[i]!, contribution: contribution[i]!, growth: growth[i]!, quadrant };
  });
  return { thresholds: used, counts, customers };
}
