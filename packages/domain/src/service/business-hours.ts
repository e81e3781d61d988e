import { DateTime } from "luxon";
import type { DayNumber } from "../analytics/dates";
import { assertInstant, assertTimeZone, dayOfIsoDate, zonedDateOf, type IsoDate } from "../relate/dates";

/** ISO order: Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local opening hours `HH:MM`–`HH:MM`; `end` may be `24:00`. A night shift is two intervals, one on each day. */
export interface BusinessInterval {
  start: string;
  end: string;
}

export interface BusinessCalendarInput {
  /** IANA zone the hours and holidays are read in. */
  timeZone: string;
  /** Opening hours per weekday; a missing day is closed. */
  weeklyHours: Partial<Record<Weekday, readonly BusinessInterval[]>>;
  /** Closed days `YYYY-MM-DD`. */
  holidays?: readonly IsoDate[];
}

/** A checked calendar: opening hours as minutes of the day, sorted, per ISO weekday (index 0 = Monday). */
export interface BusinessCalendar {
  readonly timeZone: string;
  readonly weekly: readonly (readonly (readonly [number, number])[])[];
  readonly holidays: ReadonlySet<IsoDate>;
}

/** Monday to Friday, 09:00–18:00: a nine-hour business day. */
export const STANDARD_WEEKLY_HOURS: Readonly<Record<Weekday, readonly BusinessInterval[]>> = {
  mon: [{ start: "09:00", end: "18:00" }],
  tue: [{ start: "09:00", end: "18:00" }],
  wed: [{ start: "09:00", end: "18:00" }],
  thu: [{ start: "09:00", end: "18:00" }],
  fri: [{ start: "09:00", end: "18:00" }],
  sat: [],
  sun: [],
};

const TIME = /^(\d{2}):(\d{2})$/;
const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Holidays are listed day by day; a year without a single open minute is a misconfiguration, not a long holiday.
const MAX_CLOSED_DAYS = 400;

/**
 * Checks and normalises a calendar; a RangeError for an unknown zone, a time that is not
 * `HH:MM` within the day, an interval that does not end after it starts, overlapping intervals
 * on one day, a holiday that is not a date, or a week without any opening hours.
 */
export function defineBusinessCalendar({ timeZone, weeklyHours, holidays = [] }: BusinessCalendarInput): BusinessCalendar {
  assertTimeZone(timeZone);
  const weekly = WEEKDAYS.map((weekday) => {
    const intervals = (weeklyHours[weekday] ?? []).map(({ start, end }) => {
      const [from, to] = [minuteOfDay(start, `${weekday} start`), minuteOfDay(end, `${weekday} end`)];
      if (to <= from) throw new RangeError(`${weekday}: business hours must end after they start, got ${start}–${end}`);
      return [from, to] as const;
    });
    intervals.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < intervals.length; i++) {
      if (intervals[i]![0] < intervals[i - 1]![1]) throw new RangeError(`${weekday}: business hours overlap (${formatMinute(intervals[i - 1]!)} and ${formatMinute(intervals[i]!)})`);
    }
    return intervals;
  });
  if (weekly.every((intervals) => intervals.length === 0)) throw new RangeError("a business calendar needs opening hours on at least one weekday");
  for (const holiday of holidays) dayOfIsoDate(holiday, "holiday");
  return { timeZone, weekly, holidays: new Set(holidays) };
}

function minuteOfDay(text: string, what: string): number {
  const match = TIME.exec(text);
  const minute = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || !(minute <= MINUTES_PER_DAY)) throw new RangeError(`${what} must be a time HH:MM from 00:00 to 24:00, got "${text}"`);
  return minute;
}

function formatMinute([from, to]: readonly [number, number]): string {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${hhmm(from)}–${hhmm(to)}`;
}

/** Whether the organization is open at an instant. */
export function isBusinessTime(calendar: BusinessCalendar, at: Date): boolean {
  assertInstant(at, "at");
  const t = at.getTime();
  return windowsOn(calendar, localDayOf(calendar, t)).some(([start, end]) => start <= t && t < end);
}

/**
 * The instant `minutes` business minutes after `from`: the moment a clock started at `from`
 * and running only in business hours reaches `minutes`. Counting from there back to `from`
 * gives `minutes` again. Adding 0 returns `from`; a target reached exactly at closing time is
 * that closing time, not the next opening.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  assertInstant(from, "from");
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  let remaining = minutes * MS_PER_MINUTE;
  const start = from.getTime();
  if (remaining === 0) return new Date(start);
  let closedDays = 0;
  for (let day = localDayOf(calendar, start); ; day++) {
    let open = false;
    for (const [windowStart, windowEnd] of windowsOn(calendar, day)) {
      const begin = Math.max(windowStart, start);
      if (begin >= windowEnd) continue;
      open = true;
      if (remaining <= windowEnd - begin) return new Date(begin + remaining);
      remaining -= windowEnd - begin;
    }
    closedDays = open ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS) throw new RangeError(`no business hours in the ${MAX_CLOSED_DAYS} days from ${zonedDateOf(new Date(start), calendar.timeZone)}: check the holidays`);
  }
}

/** Business minutes between two instants (fractional when they are not on whole minutes); 0 when `to` is not after `from`. */
export function countBusinessMinutes(calendar: BusinessCalendar, from: Date, to: Date): number {
  assertInstant(from, "from");
  assertInstant(to, "to");
  const [start, end] = [from.getTime(), to.getTime()];
  if (end <= start) return 0;
  let total = 0;
  const lastDay = localDayOf(calendar, end);
  for (let day = localDayOf(calendar, start); day <= lastDay; day++) {
    for (const [windowStart, windowEnd] of windowsOn(calendar, day)) {
      total += Math.max(0, Math.min(windowEnd, end) - Math.max(windowStart, start));
    }
  }
  return total / MS_PER_MINUTE;
}

function localDayOf(calendar: BusinessCalendar, t: number): DayNumber {
  return dayOfIsoDate(zonedDateOf(new Date(t), calendar.timeZone));
}

/**
 * The opening hours of a local day as instants (epoch milliseconds), so that a window spanning a
 * DST change lasts the real time that passes: 00:00–24:00 is 23 hours on the day clocks go forward.
 */
function windowsOn(calendar: BusinessCalendar, day: DayNumber): (readonly [number, number])[] {
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (calendar.holidays.has(date)) return [];
  // 1970-01-01 (day 0) was a Thursday, ISO index 3.
  const intervals = calendar.weekly[(((day + 3) % 7) + 7) % 7] ?? [];
  return intervals.map(([from, to]) => [localInstant(calendar.timeZone, day, from), localInstant(calendar.timeZone, day, to)] as const);
}

/**
 * The instant of a local day and minute. A time the clocks skip (02:30 on the night summer
 * time starts in Europe) is taken as the moment of the jump, so a window never grows by the
 * skipped hour and never ends before it starts.
 */
function localInstant(timeZone: string, day: DayNumber, minute: number): number {
  if (minute === MINUTES_PER_DAY) return localInstant(timeZone, day + 1, 0);
  const date = new Date(day * MS_PER_DAY);
  const [year, month, dayOfMonth, hour] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), Math.floor(minute / 60)];
  const local = DateTime.fromObject({ year, month, day: dayOfMonth, hour, minute: minute % 60 }, { zone: timeZone });
  if (local.day === dayOfMonth && local.hour === hour && local.minute === minute % 60) return local.toMillis();
  return jumpBefore(timeZone, local.toMillis());
}

/** The first instant carrying the same UTC offset as `after`, searching back at most a day. */
function jumpBefore(timeZone: string, after: number): number {
  const offsetAfter = DateTime.fromMillis(after, { zone: timeZone }).offset;
  let [lo, hi] = [after - MS_PER_DAY, after];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (DateTime.fromMillis(mid, { zone: timeZone }).offset === offsetAfter) hi = mid;
    else lo = mid;
  }
  return hi;
}
