/** A calendar quarter, written `YYYY-Qn` (2026-Q3): the period a business review looks back on. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export interface Quarter {
  key: string;
  year: number;
  /** 1..4 */
  number: number;
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const LAST_DAY = [31, 30, 30, 31] as const;

function quarterFrom(year: number, number: number): Quarter {
  const firstMonth = (number - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    key: `${year}-Q${number}`,
    year,
    number,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${LAST_DAY[number - 1]}`,
  };
}

/** The quarter a key names; null for anything else (a year outside 1970..9999 included). */
export function parseQuarter(key: string): Quarter | null {
  const match = QUARTER_PATTERN.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1970) return null;
  return quarterFrom(year, Number(match[2]));
}

/** The quarter a calendar date (YYYY-MM-DD) falls in. */
export function quarterOfDate(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return quarterFrom(year, Math.floor((month - 1) / 3) + 1);
}

/** The quarter `offset` quarters after (negative: before) the given one. */
export function shiftQuarter(quarter: Quarter, offset: number): Quarter {
  const index = quarter.year * 4 + (quarter.number - 1) + offset;
  return quarterFrom(Math.floor(index / 4), (index % 4) + 1);
}

/** The last `count` quarters ending with `last`, oldest first. */
export function quartersUpTo(last: Quarter, count: number): Quarter[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(last, i - count + 1));
}
