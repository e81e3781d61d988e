/**
 * ISO weeks written `YYYY-Www` (weeks start on Monday, week 1 holds the year's first Thursday),
 * the form the agenda's URL and API use. A week is a calendar notion, so the arithmetic runs on
 * UTC midnights and never depends on the browser's time zone.
 */
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Monday = 0 … Sunday = 6. */
const weekdayOf = (ms: number) => (new Date(ms).getUTCDay() + 6) % 7;

function weekOfMs(ms: number): string {
  const thursday = ms + (3 - weekdayOf(ms)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function mondayOf(week: string): number | null {
  const match = ISO_WEEK.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1) return null;
  // 4 January always lies in week 1.
  const january4 = Date.UTC(year, 0, 4);
  const monday = january4 - weekdayOf(january4) * DAY_MS + (number - 1) * 7 * DAY_MS;
  // Week 53 exists in some years only; anything past the year's last week rolls into the next year.
  return weekOfMs(monday) === week ? monday : null;
}

/** True for a week the year has: 2026-W53 is false, 2026-W52 and 2020-W53 are true. */
export function isIsoWeek(week: string): boolean {
  return mondayOf(week) !== null;
}

/** Monday and Sunday of the week (`YYYY-MM-DD`), or null when it is not a week the year has. */
export function isoWeekDates(week: string): { firstDay: string; lastDay: string } | null {
  const monday = mondayOf(week);
  return monday === null ? null : { firstDay: isoDate(monday), lastDay: isoDate(monday + 6 * DAY_MS) };
}

/** The ISO week a calendar date `YYYY-MM-DD` falls in. */
export function isoWeekOfDate(date: string): string {
  return weekOfMs(Date.parse(`${date}T00:00:00Z`));
}

/** The week `weeks` weeks later (negative: earlier), across year ends; the week itself when it is not valid. */
export function shiftIsoWeek(week: string, weeks: number): string {
  const monday = mondayOf(week);
  return monday === null ? week : weekOfMs(monday + weeks * 7 * DAY_MS);
}

/** The week's number within its year: 9 for 2026-W09. */
export function isoWeekNumber(week: string): number {
  return Number(week.slice(week.indexOf("W") + 1));
}
