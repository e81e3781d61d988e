/**
 * Dates as whole UTC day numbers (days since 1970-01-01), so date arithmetic is
 * integer arithmetic and never depends on the machine's time zone or clock.
 */

const DAY_MS = 86_400_000;

export function parseDay(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`expected a date as YYYY-MM-DD, got "${isoDate}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / DAY_MS;
  if (formatDay(day) !== isoDate) throw new Error(`not a calendar date: "${isoDate}"`);
  return day;
}

export const formatDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: number): number => (day + 4) % 7;

/** A Date at `day` plus `minutes` past midnight UTC. */
export const dayAt = (day: number, minutes = 0): Date => new Date(day * DAY_MS + minutes * 60_000);

/** The same calendar day `years` earlier (29 February falls back to the 28th). */
export function yearsBefore(day: number, years: number): number {
  const d = new Date(day * DAY_MS);
  const target = Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), 1);
  const lastOfMonth = new Date(Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth() + 1, 0)).getUTCDate();
  return (target + (Math.min(d.getUTCDate(), lastOfMonth) - 1) * DAY_MS) / DAY_MS;
}

export const monthOf = (day: number): number => new Date(day * DAY_MS).getUTCMonth();
export const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

/** Minutes past midnight UTC for a local Shanghai wall-clock time (UTC+8, no daylight saving). */
export const shanghaiToUtcMinutes = (hour: number, minute = 0): number => (hour - 8) * 60 + minute;

/** The first day of the month holding `day`. */
export function monthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

/** The first day of the month after the one holding `day`. */
export function nextMonthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
}
