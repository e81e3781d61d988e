import { DateTime } from "luxon";

/**
 * The periods KPIs are measured over: calendar days as `YYYY-MM-DD`, both ends included. Pure
 * date arithmetic in UTC on calendar dates, so no time zone can move a day.
 */

export interface KpiPeriod {
  /** First day, included. */
  from: string;
  /** Last day, included. */
  to: string;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Days since 1970-01-01 of a valid calendar date; throws a RangeError on anything else. */
export function dayNumberOf(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) throw new RangeError(`Not a calendar date: ${date}`);
  return ms / DAY_MS;
}

export const dateOfDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** True when `date` is a real calendar date. */
export function isCalendarDate(date: string): boolean {
  try {
    dayNumberOf(date);
    return true;
  } catch {
    return false;
  }
}

/** `2026-Q3` → 1 July to 30 September 2026; throws a RangeError for anything that is not a quarter. */
export function quarterPeriod(quarter: string): KpiPeriod {
  const match = QUARTER.exec(quarter);
  if (!match) throw new RangeError(`Not a quarter (YYYY-Qn): ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  const from = Date.UTC(year, (q - 1) * 3, 1);
  const to = Date.UTC(year, q * 3, 1) - DAY_MS;
  return { from: new Date(from).toISOString().slice(0, 10), to: new Date(to).toISOString().slice(0, 10) };
}

/** The quarter a date falls in, `YYYY-Qn`. */
export function quarterOf(date: string): string {
  dayNumberOf(date);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter `offset` quarters after `quarter` (negative for before). */
export function shiftQuarter(quarter: string, offset: number): string {
  const match = QUARTER.exec(quarter);
  if (!match) throw new RangeError(`Not a quarter (YYYY-Qn): ${quarter}`);
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The `count` quarters ending with `quarter`, oldest first: the trend of a scorecard. */
export function trailingQuarters(quarter: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(quarter, i - count + 1));
}

/** Shifts a date by whole months, keeping the day or the month's last day (31 May - 3 months = 28/29 Feb). */
export function shiftMonths(date: string, months: number): string {
  dayNumberOf(date);
  const [year, month, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))];
  const target = year * 12 + month + months;
  const [y, m] = [Math.floor(target / 12), ((target % 12) + 12) % 12];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, last))).toISOString().slice(0, 10);
}

/** Number of days in the period, both ends included. */
export const periodDays = (period: KpiPeriod): number => dayNumberOf(period.to) - dayNumberOf(period.from) + 1;

/** The number of whole calendar months the period spans, or null when it does not start on a 1st and end on a month's last day. */
function wholeMonths(period: KpiPeriod): number | null {
  const next = dateOfDayNumber(dayNumberOf(period.to) + 1);
  if (!period.from.endsWith("-01") || !next.endsWith("-01")) return null;
  return (Number(next.slice(0, 4)) - Number(period.from.slice(0, 4))) * 12 + Number(next.slice(5, 7)) - Number(period.from.slice(5, 7));
}

/**
 * The period just before `period`: as many whole months before a period of whole months (the
 * previous quarter for a quarter), otherwise the same number of days ending the day before.
 */
export function previousPeriod(period: KpiPeriod): KpiPeriod {
  const months = wholeMonths(period);
  if (months !== null && months > 0) return { from: shiftMonths(period.from, -months), to: dateOfDayNumber(dayNumberOf(period.from) - 1) };
  const start = dayNumberOf(period.from);
  const days = periodDays(period);
  return { from: dateOfDayNumber(start - days), to: dateOfDayNumber(start - 1) };
}

/**
 * The same period a year before. A period that is whole calendar months (a quarter, a year) maps
 * to the same months, so 29 February never shifts the comparison by a day.
 */
export function yearBeforePeriod(period: KpiPeriod): KpiPeriod {
  return { from: shiftMonths(period.from, -12), to: shiftMonths(period.to, -12) };
}

/** The 12 months ending on `to` (the window retention, share of wallet are measured over) and the 12 before. */
export function trailingYears(to: string): { current: KpiPeriod; prior: KpiPeriod } {
  const start = dateOfDayNumber(dayNumberOf(shiftMonths(to, -12)) + 1);
  const priorEnd = dateOfDayNumber(dayNumberOf(start) - 1);
  return { current: { from: start, to }, prior: { from: dateOfDayNumber(dayNumberOf(shiftMonths(priorEnd, -12)) + 1), to: priorEnd } };
}

/** The last instant of a calendar day in a time zone: what "up to the period's last day" means for timestamps. */
export function endOfZonedDay(date: string, timeZone: string): Date {
  dayNumberOf(date);
  const end = DateTime.fromISO(date, { zone: timeZone }).endOf("day");
  if (!end.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return end.toJSDate();
}
