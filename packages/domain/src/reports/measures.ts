/**
 * A share of a count, in percent with one decimal as the KPI library reports its percentages
 * (`kpis.measure.ts`), capped at 100; null without a denominator, so an empty quarter reads "no data"
 * rather than 0 %.
 */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((Math.min(part, whole) / whole) * 1000) / 10 + 0;
}
