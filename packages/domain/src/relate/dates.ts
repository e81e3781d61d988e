import { DateTime, Info } from "luxon";
import { formatDay, parseDay, type DayNumber } from "../analytics/dates";

/**
 * A calendar date `YYYY-MM-DD`. Which instants it covers depends on a time zone, so every
 * function that turns an instant into a date takes the organization's IANA zone.
 */
export type IsoDate = string;

/** A calendar period something is due in once, by its last day. */
export type CalendarPeriod = "quarter" | "half_year";

const STRICT_ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const PERIOD_MONTHS: Record<CalendarPeriod, number> = { quarter: 3, half_year: 6 };

/** Throws a RangeError unless `timeZone` is an IANA zone name such as `Europe/Berlin` or `UTC`. */
export function assertTimeZone(timeZone: string): void {
  if (validZones.has(timeZone)) return;
  if (!Info.isValidIANAZone(timeZone)) throw new RangeError(`"${timeZone}" is not an IANA time zone (such as Europe/Berlin)`);
  validZones.add(timeZone);
}
// Checking a zone builds an Intl.DateTimeFormat (~150 µs); a list assesses thousands of dates in the same few zones.
const validZones = new Set<string>();

/** Throws a RangeError for an invalid `Date`, which would otherwise turn every comparison false. */
export function assertInstant(instant: Date, what: string): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError(`${what} is not a valid date`);
}

/** The day number of a strict `YYYY-MM-DD` date; a RangeError for anything else, including 2025-02-30. */
export function dayOfIsoDate(date: IsoDate, what = "date"): DayNumber {
  const day = STRICT_ISO_DATE.test(date) ? parseDay(date) : undefined;
  if (day === undefined) throw new RangeError(`${what} must be a date written YYYY-MM-DD, got "${date}"`);
  return day;
}

/** The calendar date an instant falls on in a time zone. */
export function zonedDateOf(instant: Date, timeZone: string): IsoDate {
  assertInstant(instant, "instant");
  assertTimeZone(timeZone);
  let year = "";
  let month = "";
  let day = "";
  for (const part of dayFormatIn(timeZone).formatToParts(instant)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year.padStart(4, "0")}-${month}-${day}`;
}

// One formatter per zone: a list of 3,000 accounts asks for thousands of dates in the same zone, and
// formatting through luxon (a DateTime and a token format per call) was most of that list's time.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", calendar: "gregory", numberingSystem: "latn" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** `date` moved by a whole number of calendar days (negative moves back). */
export function shiftIsoDate(date: IsoDate, days: number): IsoDate {
  return formatDay(dayOfIsoDate(date) + days);
}

/** Calendar days from `from` to `to`: 1 from a Monday to the Tuesday after, −1 back. */
export function daysBetweenIsoDates(from: IsoDate, to: IsoDate): number {
  return dayOfIsoDate(to) - dayOfIsoDate(from);
}

/**
 * The last day of the period `periodsAhead` periods after the one holding `date`
 * (0 = the end of `date`'s own quarter or half-year).
 */
export function endOfCalendarPeriod(date: IsoDate, period: CalendarPeriod, periodsAhead = 0): IsoDate {
  const day = dayOfIsoDate(date);
  const start = new Date(day * 86_400_000);
  const months = PERIOD_MONTHS[period];
  const firstMonth = Math.floor(start.getUTCMonth() / months) * months + periodsAhead * months;
  // Day 0 of the month after the period is the period's last day.
  return new Date(Date.UTC(start.getUTCFullYear(), firstMonth + months, 0)).toISOString().slice(0, 10);
}

/** The ISO week (`2025-W14`) an instant falls in, in a time zone; weeks start on Monday. */
export function isoWeekOf(instant: Date, timeZone: string): string {
  assertInstant(instant, "instant");
  assertTimeZone(timeZone);
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, "0")}`;
}

/** Monday and Sunday of an ISO week written `YYYY-Www`; a RangeError for a week the year does not have (such as 2025-W53). */
export function isoWeekDates(week: string): { firstDay: IsoDate; lastDay: IsoDate } {
  const invalid = () => new RangeError(`"${week}" is not an ISO week written YYYY-Www`);
  const match = ISO_WEEK.exec(week);
  if (!match) throw invalid();
  const [weekYear, weekNumber] = [Number(match[1]), Number(match[2])];
  const monday = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: "UTC" });
  if (!monday.isValid || monday.weekNumber !== weekNumber || monday.weekYear !== weekYear) throw invalid();
  const firstDay = monday.toFormat("yyyy-MM-dd");
  return { firstDay, lastDay: shiftIsoDate(firstDay, 6) };
}
