import { quarterOf, quarterPeriod, shiftQuarter as shiftQuarterKey, trailingQuarters } from "../kpis/periods";

/**
 * A calendar quarter, written `YYYY-Qn` (2026-Q3): the period a business review looks back on. The
 * key and its days come from the KPI periods (`kpis/periods.ts`); this object only carries them together.
 */
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

function quarterOfKey(key: string): Quarter {
  const { from, to } = quarterPeriod(key);
  return { key, year: Number(key.slice(0, 4)), number: Number(key.slice(6)), from, to };
}

/** The quarter a key names; null for anything else (a year outside 1970..9999 included). */
export function parseQuarter(key: string): Quarter | null {
  let quarter: Quarter;
  try {
    quarter = quarterOfKey(key);
  } catch {
    return null;
  }
  return quarter.year < 1970 ? null : quarter;
}

/** The quarter a calendar date (YYYY-MM-DD) falls in. */
export const quarterOfDate = (date: string): Quarter => quarterOfKey(quarterOf(date));

/** The quarter `offset` quarters after (negative: before) the given one. */
export const shiftQuarter = (quarter: Quarter, offset: number): Quarter => quarterOfKey(shiftQuarterKey(quarter.key, offset));

/** The last `count` quarters ending with `last`, oldest first. */
export const quartersUpTo = (last: Quarter, count: number): Quarter[] => trailingQuarters(last.key, count).map(quarterOfKey);
