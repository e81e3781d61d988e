import type { RfmScore } from "./rfm-score";

export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new_customers",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The combined frequency-monetary score: the mean of F and M rounded half up,
 * so (4, 5) → 5 and (1, 2) → 2.
 */
export function combineFm(f: RfmScore, m: RfmScore): RfmScore {
  return Math.floor((f + m + 1) / 2) as RfmScore;
}

// Rows R = 5 … 1, columns FM = 1 … 5 (docs/analytics.md shows the same grid).
const GRID: Record<RfmScore, readonly [RfmSegment, RfmSegment, RfmSegment, RfmSegment, RfmSegment]> = {
  5: ["new_customers", "potential_loyalist", "potential_loyalist", "champions", "champions"],
  4: ["promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"],
  3: ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
  1: ["lost", "hibernating", "at_risk", "at_risk", "cant_lose"],
};

/**
 * The named segment of a recency score and a combined frequency-monetary score:
 * recent and valuable (R 5, FM 4-5) are champions; valuable but gone quiet (R 1-2, FM 5)
 * are customers we can't lose; R 1 with FM 1 are lost. The full 5 × 5 grid is in docs/analytics.md.
 */
export function segmentOf(r: RfmScore, fm: RfmScore): RfmSegment {
  return GRID[r][fm - 1]!;
}
