import { DateTime } from "luxon";
import { ACCOUNT_TIERS, type AccountTier } from "../enums/index";
import { assertInstant, assertTimeZone } from "../relate/dates";

export type MetricsPeriod = "month" | "quarter";
export type MetricsGrouping = "account" | "tier";

/** A case with its measured times (for instance the elapsed minutes of its SLA clocks); null while not yet responded or resolved. */
export interface CaseTimes {
  accountId: string;
  tier: AccountTier;
  openedAt: Date;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

export interface TimeStats {
  count: number;
  mean: number;
  median: number;
}

export interface ResponseMetricsRow {
  /** The account id or the tier. */
  group: string;
  /** `2025-03` for a month, `2025-Q1` for a quarter. */
  period: string;
  /** Cases opened in the period, answered or not. */
  cases: number;
  /** Null when no case of the group and period has the time yet. */
  firstResponse: TimeStats | null;
  resolution: TimeStats | null;
}

export interface SummariseResponseTimesOptions {
  cases: readonly CaseTimes[];
  groupBy: MetricsGrouping;
  period: MetricsPeriod;
  /** The zone months and quarters are cut in: a case opened at 23:30 on 31 March in Berlin belongs to March. */
  timeZone: string;
}

/**
 * Mean and median first-response and resolution times per group and period. A case counts in
 * the period it was opened in, however late it was answered or resolved, so each period
 * measures the service given to the cases that arrived in it. The median of an even count is
 * the mean of the middle two. Rows come by period, then by tier (strategic first) or account id.
 */
export function summariseResponseTimes({ cases, groupBy, period, timeZone }: SummariseResponseTimesOptions): ResponseMetricsRow[] {
  assertTimeZone(timeZone);
  const buckets = new Map<string, { group: string; period: string; items: CaseTimes[] }>();
  for (const item of cases) {
    assertCaseTimes(item);
    const group = groupBy === "account" ? item.accountId : item.tier;
    const label = periodLabel(item.openedAt, period, timeZone);
    const key = JSON.stringify([label, group]);
    const bucket = buckets.get(key) ?? { group, period: label, items: [] };
    bucket.items.push(item);
    buckets.set(key, bucket);
  }
  const groupRank = (group: string) => (groupBy === "tier" ? ACCOUNT_TIERS.indexOf(group as AccountTier) : 0);
  return [...buckets.values()]
    .sort((a, b) => compareText(a.period, b.period) || groupRank(a.group) - groupRank(b.group) || compareText(a.group, b.group))
    .map(({ group, period: label, items }) => ({
      group,
      period: label,
      cases: items.length,
      firstResponse: statsOf(items.map((c) => c.firstResponseMinutes)),
      resolution: statsOf(items.map((c) => c.resolutionMinutes)),
    }));
}

function periodLabel(openedAt: Date, period: MetricsPeriod, timeZone: string): string {
  const local = DateTime.fromJSDate(openedAt, { zone: timeZone });
  return period === "month" ? local.toFormat("yyyy-MM") : `${local.toFormat("yyyy")}-Q${local.quarter}`;
}

/** Count, mean and median of the known values; null when there are none. */
export function timeStatsOf(values: readonly number[]): TimeStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { count: sorted.length, mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length, median };
}

function statsOf(values: readonly (number | null)[]): TimeStats | null {
  return timeStatsOf(values.filter((v): v is number => v !== null));
}

function assertCaseTimes(item: CaseTimes): void {
  assertInstant(item.openedAt, `case of account ${item.accountId}: openedAt`);
  for (const key of ["firstResponseMinutes", "resolutionMinutes"] as const) {
    const minutes = item[key];
    if (minutes !== null && !(Number.isFinite(minutes) && minutes >= 0)) {
      throw new RangeError(`case of account ${item.accountId}: ${key} must be a finite number ≥ 0 or null, got ${minutes}`);
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The last `months` calendar months up to `now`'s, oldest first, as `YYYY-MM` in a zone, and the
 * instant the oldest one starts: the window a monthly metrics chart covers.
 */
export function recentMonths({ now, months, timeZone }: { now: Date; months: number; timeZone: string }): { periods: string[]; since: Date } {
  assertInstant(now, "now");
  assertTimeZone(timeZone);
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number ≥ 1, got ${months}`);
  const first = DateTime.fromJSDate(now, { zone: timeZone }).startOf("month").minus({ months: months - 1 });
  const periods = Array.from({ length: months }, (_, i) => first.plus({ months: i }).toFormat("yyyy-MM"));
  return { periods, since: first.toJSDate() };
}
