import { moneyToCents } from "./money";

/**
 * The customer's return on a joint initiative: (value delivered − investment) / investment, e.g.
 * 1.5 = 150%. Null when nothing was invested, where a ratio has no meaning. Computed on cents, so
 * equal amounts give exactly 0.
 */
export function initiativeRoi({ delivered, investment }: { delivered: string; investment: string }): number | null {
  const invested = moneyToCents(investment);
  if (invested <= 0n) return null;
  const gain = moneyToCents(delivered) - invested;
  return Number(gain) / Number(invested);
}

/** A target date before the start date is a typing error; dates are YYYY-MM-DD strings, which compare in order. */
export function isGrowthDateRangeValid(start: string | null | undefined, end: string | null | undefined): boolean {
  return !start || !end || end >= start;
}
