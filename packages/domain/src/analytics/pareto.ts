import { column } from "./columns";
import { rankDescending } from "./ranks";

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

/** Each customer's place in a Pareto analysis, by position (see {@link paretoOf}). */
export interface ParetoColumns {
  summary: ParetoSummary;
  /** 1 = the largest revenue. */
  rank: Int32Array;
  share: Float64Array;
  cumulativeShare: Float64Array;
  /** An index into ABC_CLASSES. */
  abcClass: Uint8Array;
}

/**
 * Ranks customers by revenue (descending, equal revenue by customer id) and classifies them:
 * a customer is A while the cumulative share *before* it is below the A cut-off, so the customer
 * that crosses 80% is still A (the A class is the smallest set reaching 80%); likewise B up to
 * A + B (default 95%), then C. Customers with zero or negative net revenue are always C and count
 * as zero in the shares and the Gini coefficient (they bought nothing net). Rows come ranked.
 */
export function computePareto(customers: readonly { customer: string; revenue: number }[], cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS): ParetoResult {
  const p = paretoOf(column(customers.length, (i) => customers[i]!.revenue), customers.map((c) => c.customer), cutoffs);
  const rows = new Array<ParetoRow>(customers.length);
  customers.forEach((c, i) => {
    rows[p.rank[i]! - 1] = { customer: c.customer, revenue: c.revenue, share: p.share[i]!, cumulativeShare: p.cumulativeShare[i]!, class: ABC_CLASSES[p.abcClass[i]!]! };
  });
  return { summary: p.summary, customers: rows };
}

/**
 * {@link computePareto} on a column of revenues and their customers' ids, the results by position: runs analyse every
 * account of an organization this way, without an object per account.
 */
export function paretoOf(revenue: ArrayLike<number>, ids: readonly string[], cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS): ParetoColumns {
  if (cutoffs.a <= 0 || cutoffs.b < 0 || cutoffs.a + cutoffs.b > 1) throw new RangeError("ABC cut-offs must satisfy 0 < a, 0 ≤ b, a + b ≤ 1");
  const n = revenue.length;
  const rank = rankDescending(revenue, ids);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[rank[i]! - 1] = i;
  // Positive revenue in rank order; sums run in that order too.
  const positive = column(n, (k) => Math.max(0, revenue[order[k]!]!));
  let total = 0;
  let totalRevenue = 0;
  for (let k = 0; k < n; k++) {
    total += positive[k]!;
    totalRevenue += revenue[order[k]!]!;
  }
  const classCounts: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  const share = new Float64Array(n);
  const cumulativeShare = new Float64Array(n);
  const abcClass = new Uint8Array(n);
  // Shares are cumulative revenue / total (one rounding), not a running sum of rounded shares.
  let revenueBefore = 0;
  const shareOf = (value: number) => (total > 0 ? value / total : 0);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const cls = classifyAbc(shareOf(revenueBefore), positive[k]!, cutoffs);
    revenueBefore += positive[k]!;
    classCounts[cls]++;
    share[i] = shareOf(positive[k]!);
    cumulativeShare[i] = Math.min(1, shareOf(revenueBefore));
    abcClass[i] = ABC_CLASSES.indexOf(cls);
  }
  return {
    summary: { customers: n, totalRevenue, top20Share: topShare(positive, total, 0.2), gini: gini(positive), classCounts },
    rank,
    share,
    cumulativeShare,
    abcClass,
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
export function topShare(sortedDescending: ArrayLike<number>, total: number, fraction: number): number {
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
export function gini(values: ArrayLike<number>): number {
  const n = values.length;
  const sorted = column(n, (i) => Math.max(0, values[i]!)).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i]!;
    weighted += (i + 1) * sorted[i]!;
  }
  if (n <= 1 || total <= 0) return 0;
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}
