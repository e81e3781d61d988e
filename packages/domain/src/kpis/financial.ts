/**
 * Financial KPIs. Amounts come in as numbers already summed exactly by the database (in the
 * organization's currency); these functions only divide, and return ratios (0.12 = 12 %).
 */

/** Money rounded to cents, so sums of floating point do not show as 0.30000000000000004. */
export const roundMoney = (value: number): number => Math.round(value * 100) / 100 + 0;

/** A ratio rounded to 6 decimals (the analytics convention), or null. */
export const roundRatio = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : Math.round(value * 1e6) / 1e6 + 0);

/**
 * Revenue growth: (current − comparison) / comparison. Null when the comparison period had no
 * revenue (zero or less): growth from nothing is not a percentage. A fall to nothing is −100 %.
 */
export function revenueGrowth(current: number, comparison: number): number | null {
  if (!(comparison > 0) || !Number.isFinite(current)) return null;
  return roundRatio((current - comparison) / comparison);
}

/** One account's revenue in the prior window and in the current one, and whether it is new. */
export interface RetentionAccount {
  /** Revenue of the prior window (the 12 months before). */
  prior: number;
  /** Revenue of the current window. */
  current: number;
  /**
   * Created during the current window: it could not have been a customer at its start, so it is
   * an acquisition, not a retained account, and stays out of every retention figure.
   */
  createdInWindow: boolean;
}

export interface Retention {
  /** Accounts in the base: customers at the start of the current window (prior revenue > 0, not new). */
  base: number;
  /** Share of the base still buying in the current window, in [0, 1]. */
  logo: number | null;
  /** Revenue kept from the base, each account capped at its prior revenue, over the base's prior revenue: [0, 1]. */
  grossRevenue: number | null;
  /** The base's current revenue over its prior revenue: expansion counts, so it may exceed 1. */
  netRevenue: number | null;
}

/**
 * Logo and revenue retention of a set of accounts, from the prior window to the current one.
 *
 * The base is the accounts that bought in the prior window (revenue > 0) and were not created
 * during the current window. Accounts without prior revenue — new ones, or ones that only
 * started buying now — are acquisitions and count nowhere. Credits that take an account's
 * current revenue below zero count as zero: it is lost, not owed. An empty base (an empty
 * prior period) gives null for all three, never 0 or 100 %.
 */
export function retentionOf(accounts: readonly RetentionAccount[]): Retention {
  const base = accounts.filter((a) => a.prior > 0 && Number.isFinite(a.prior) && !a.createdInWindow);
  if (base.length === 0) return { base: 0, logo: null, grossRevenue: null, netRevenue: null };
  const kept = (a: RetentionAccount) => (Number.isFinite(a.current) ? Math.max(0, a.current) : 0);
  const prior = base.reduce((s, a) => s + a.prior, 0);
  const retained = base.filter((a) => kept(a) > 0).length;
  const gross = base.reduce((s, a) => s + Math.min(kept(a), a.prior), 0);
  const net = base.reduce((s, a) => s + kept(a), 0);
  return {
    base: base.length,
    logo: roundRatio(retained / base.length),
    grossRevenue: roundRatio(Math.min(1, gross / prior)),
    netRevenue: roundRatio(net / prior),
  };
}

/**
 * Share of wallet: revenue of the 12 months ending with the period over the customer's estimated
 * total annual spend in the category (custom field `estimatedTotalSpend`), over the accounts that
 * have an estimate. Accounts without one (or with 0 or less) are left out, as the segmentation
 * matrix does; null when none has one. Capped at 1: an estimate below what the customer already
 * buys from us means the whole wallet is ours.
 */
export function shareOfWallet(accounts: ReadonlyArray<{ revenue12m: number; estimatedTotalSpend: number | null }>): number | null {
  const estimated = accounts.filter((a) => a.estimatedTotalSpend !== null && a.estimatedTotalSpend > 0 && Number.isFinite(a.estimatedTotalSpend));
  if (estimated.length === 0) return null;
  const spend = estimated.reduce((s, a) => s + a.estimatedTotalSpend!, 0);
  const revenue = estimated.reduce((s, a) => s + Math.min(Math.max(0, a.revenue12m), a.estimatedTotalSpend!), 0);
  return roundRatio(revenue / spend);
}

/**
 * Customer lifetime value: the mean CLV of the accounts that have one in the latest CLV analysis
 * run (the run's model decides the value); null when no account has one.
 */
export function averageClv(values: readonly number[]): number | null {
  const known = values.filter((v) => Number.isFinite(v));
  if (known.length === 0) return null;
  return roundMoney(known.reduce((s, v) => s + v, 0) / known.length);
}
