/**
 * Small report measures over counts that the database aggregates. Each returns null when there is
 * nothing to measure, so an empty quarter reads "no data" rather than 0 %.
 */

/** Net Promoter Score, -100..100: promoters (9-10) minus detractors (0-6), in percent of all answers. */
export function netPromoterScore({ promoters, passives, detractors }: { promoters: number; passives: number; detractors: number }): number | null {
  const total = promoters + passives + detractors;
  if (total === 0) return null;
  return Math.round(((promoters - detractors) / total) * 100);
}

/** A share in whole percent, 0..100; null without a denominator. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((Math.min(part, whole) / whole) * 100);
}

/** Return on the customer's investment in an initiative: (delivered − invested) / invested, in percent, one decimal. */
export function roiPercent(delivered: number, invested: number): number | null {
  if (!(invested > 0)) return null;
  return Math.round(((delivered - invested) / invested) * 1000) / 10;
}

export type TrafficLight = "green" | "amber" | "red";

/**
 * Green at or above the target, amber within `amberShare` of it (by default 90 % of the way), red below;
 * for a measure where less is better (`lowerIsBetter`) the comparisons turn round. Null without a value.
 */
export function trafficLight(value: number | null, target: number, options: { lowerIsBetter?: boolean; amberShare?: number } = {}): TrafficLight | null {
  if (value === null || !Number.isFinite(value)) return null;
  const amber = options.amberShare ?? 0.9;
  if (options.lowerIsBetter) {
    if (value <= target) return "green";
    return value <= target / amber ? "amber" : "red";
  }
  if (value >= target) return "green";
  return value >= target * amber ? "amber" : "red";
}

/**
 * What the programme dashboard colours against until the director sets scorecard targets: growth
 * at least 5 % a year, NPS 30, CSAT 4 of 5, 90 % of cases resolved within their SLA, 90 % of worked
 * accounts with no overdue contact, 70 % of plan actions done.
 */
export const DEFAULT_REPORT_TARGETS = {
  revenueGrowthPct: 5,
  nps: 30,
  csat: 4,
  slaAttainment: 90,
  cadenceCompliance: 90,
  planCompletion: 70,
} as const;
