import { dayOfIsoDate, zonedDateOf, type IsoDate } from "../relate/dates";
import type { SurveyRecurrence } from "./definition";

/**
 * When a scheduled survey goes out: on `startsOn` and then every month, quarter, half-year or
 * year after it, on the same day of the month (the month's last day when it is shorter: a
 * schedule from 31 January sends on 28 or 29 February). Dates are the organization's calendar
 * dates; a schedule is due from `SURVEY_SEND_HOUR` in its zone on.
 */

const MONTHS: Record<SurveyRecurrence, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** Invitations go out from this local hour, so customers get them in working hours. */
export const SURVEY_SEND_HOUR = 9;

/** Enough for a calendar view; a schedule runs forever otherwise. */
const MAX_LISTED = 60;

export interface SurveyScheduleRule {
  recurrence: SurveyRecurrence;
  startsOn: IsoDate;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The k-th send date (k = 0 is `startsOn`). */
export function occurrenceOf({ recurrence, startsOn }: SurveyScheduleRule, k: number): IsoDate {
  dayOfIsoDate(startsOn, "startsOn");
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`an occurrence index is a whole number ≥ 0, not ${k}`);
  const [y, m, d] = startsOn.split("-").map(Number) as [number, number, number];
  const months = (m - 1) + k * MONTHS[recurrence];
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The last send date on or before `date`; null before the schedule starts. */
export function latestOccurrence(rule: SurveyScheduleRule, date: IsoDate): IsoDate | null {
  dayOfIsoDate(date);
  if (date < rule.startsOn) return null;
  const [y0, m0] = rule.startsOn.split("-").map(Number) as [number, number];
  const [y1, m1] = date.split("-").map(Number) as [number, number];
  const elapsedMonths = (y1 - y0) * 12 + (m1 - m0);
  let k = Math.floor(elapsedMonths / MONTHS[rule.recurrence]);
  while (k > 0 && occurrenceOf(rule, k) > date) k--;
  return occurrenceOf(rule, k);
}

/** The next `count` send dates after `date` (exclusive). */
export function nextOccurrences(rule: SurveyScheduleRule, date: IsoDate, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  const latest = latestOccurrence(rule, date);
  let k = 0;
  if (latest !== null) while (occurrenceOf(rule, k) <= date) k++;
  while (out.length < Math.min(count, MAX_LISTED)) out.push(occurrenceOf(rule, k++));
  return out;
}

function hourIn(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(now));
}

/**
 * The send date due at `now` in the organization's zone, or null: the latest date on or before
 * today (from the send hour on, for today's) that was not sent yet. Missed dates are not sent in
 * a burst; only the latest one goes out.
 */
export function dueOccurrence(rule: SurveyScheduleRule & { lastOccurrence: IsoDate | null }, now: Date, timeZone: string): IsoDate | null {
  const today = zonedDateOf(now, timeZone);
  let latest = latestOccurrence(rule, today);
  if (latest === today && hourIn(now, timeZone) < SURVEY_SEND_HOUR) {
    const yesterday = new Date(`${today}T00:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    latest = latestOccurrence(rule, yesterday.toISOString().slice(0, 10));
  }
  if (latest === null || (rule.lastOccurrence !== null && rule.lastOccurrence >= latest)) return null;
  return latest;
}
