/**
 * Calendar days as integers (days since 1970-01-01, UTC), so that every analysis
 * works on whole days and never looks at a clock or a time zone.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * The day of a date written `YYYY-MM-DD` (optionally followed by a time, which is
 * ignored: an order belongs to the calendar day it was written on) or `YYYYMMDD`.
 * Returns `undefined` for anything else, including impossible dates such as 2023-02-30.
 */
export function parseDay(text: string): DayNumber | undefined {
  const match = ISO_DATE.exec(text.trim()) ?? COMPACT_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Months since January 1970 of a day (0 = 1970-01); months are the buckets of trends and forecasts. */
export function monthIndexOf(day: DayNumber): number {
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth() - 1970 * 12;
}

/** `YYYY-MM` of a month index. */
export function formatMonth(monthIndex: number): string {
  const year = 1970 + Math.floor(monthIndex / 12);
  const month = monthIndex - (year - 1970) * 12 + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}
