import { compareIds } from "./customer-orders";

export const ABC_CLASSES = ["A", "B", "C"] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

/** Cumulative-revenue cut-offs of the A and B classes, as fractions: A up to `a`, B up to `a + b`, C the rest. */
export interface AbcCutoffs {
  a: number;
  b: number;
}
export const DEFAULT_ABC_CUTOFFS: AbcCutoffs = { a: 0.8, b: 0.15 };

export interface ParetoRow {
  customer: string;
  revenue: number;
  /** revenue / total revenue. */
  share: number;
  /** Share of total revenue of this customer and every customer ranked before it. */
  cumulativeShare: number;
  class: AbcClass;
}

export interface ParetoSummary {
  customers: number;
  totalRevenue: number;
  /** Share of revenue of the top ceil(20% × customers) customers. */
  top20Share: number;
  gini: number;
  classCounts: Record<AbcClass, number>;
}

export interface ParetoResult {
  summary: ParetoSummary;
  customers: ParetoRow[];
}

/**
 * Ranks customers by revenue (descending, equal revenue by customer id) and classifies them:
 * a customer is A while the cumulative share *before* it is below the A cut-off, so the customer
 * that crosses 80% is still A (the A class is the smallest set reaching 80%); likewise B up to
 * A + B (default 95%), then C. Customers with zero or negative net revenue are always C and count
 * as zero in the shares and the Gini coefficient (they bought nothing net).
 */
export function computePareto(customers: readonly { customer: string; revenue: number }[], cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS): ParetoResult {
  if (cutoffs.a <= 0 || cutoffs.b < 0 || cutoffs.a + cutoffs.b > 1) throw new RangeError("ABC cut-offs must satisfy 0 < a, 0 ≤ b, a + b ≤ 1");
  const ranked = [...customers].sort((x, y) => y.revenue - x.revenue || compareIds(x.customer, y.customer));
  const positive = ranked.map((c) => Math.max(0, c.revenue));
  const total = positive.reduce((sum, v) => sum + v, 0);
  const classCounts: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  // Shares are cumulative revenue / total (one rounding), not a running sum of rounded shares.
  let revenueBefore = 0;
  const shareOf = (revenue: number) => (total > 0 ? revenue / total : 0);
  const rows = ranked.map((c, i): ParetoRow => {
    const cls = classifyAbc(shareOf(revenueBefore), positive[i]!, cutoffs);
    revenueBefore += positive[i]!;
    classCounts[cls]++;
    return { customer: c.customer, revenue: c.revenue, share: shareOf(positive[i]!), cumulativeShare: Math.min(1, shareOf(revenueBefore)), class: cls };
  });
  return {
    summary: { customers: rows.length, totalRevenue: ranked.reduce((s, c) => s + c.revenue, 0), top20Share: topShare(positive, total, 0.2), gini: gini(positive), classCounts },
    customers: rows,
  };
}

/** The ABC class of a customer given the cumulative share of everyone ranked before it (see {@link computePareto}). */
export function classifyAbc(shareBefore: number, revenue: number, cutoffs: AbcCutoffs): AbcClass {
  const epsilon = 1e-12;
  if (revenue <= 0) return "C";
  if (shareBefore < cutoffs.a - epsilon) return "A";
  if (shareBefore < cutoffs.a + cutoffs.b - epsilon) return "B";
  return "C";
}

/** Share of the total held by the top ceil(fraction × n) values of a list sorted descending. */
export function topShare(sortedDescending: readonly number[], total: number, fraction: number): number {
  if (total <= 0) return 0;
  const k = Math.ceil(fraction * sortedDescending.length);
  let sum = 0;
  for (let i = 0; i < k; i++) sum += sortedDescending[i]!;
  return sum / total;
}

/**
 * Gini coefficient of non-negative values: G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² mean), computed in
 * O(n log n) as G = (2 Σᵢ i·x₍ᵢ₎) / (n Σ x) − (n + 1) / n with x sorted ascending, i = 1…n.
 * 0 when all are equal (or all zero, or n ≤ 1); at most (n − 1)/n, reached when one customer holds everything.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const sorted = Float64Array.from(values, (v) => Math.max(0, v)).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i]!;
    weighted += (i + 1) * sorted[i]!;
  }
  if (n <= 1 || total <= 0) return 0;
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}
