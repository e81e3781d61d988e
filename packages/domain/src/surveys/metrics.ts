/**
 * Survey results. NPS (Net Promoter Score): of the 0-10 answers to "how likely are you to
 * recommend us", promoters answer 9-10, passives 7-8, detractors 0-6; NPS = % promoters −
 * % detractors, from −100 to 100. CSAT: the mean of 1-5 satisfaction answers and the share of
 * satisfied customers (4 or 5). Without answers there is no score (null), not a zero.
 */

export type NpsCategory = "promoter" | "passive" | "detractor";

export function npsCategoryOf(score: number): NpsCategory {
  if (score >= 9) return "promoter";
  return score >= 7 ? "passive" : "detractor";
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export interface NpsResult {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100..100, one decimal; null without answers. */
  nps: number | null;
}

export function npsOf(scores: readonly number[]): NpsResult {
  const result: NpsResult = { responses: 0, promoters: 0, passives: 0, detractors: 0, nps: null };
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`an NPS answer is a whole number from 0 to 10, not ${score}`);
    result.responses++;
    result[`${npsCategoryOf(score)}s`]++;
  }
  return npsFromCounts(result);
}

/** NPS from category counts (as a GROUP BY returns them). */
export function npsFromCounts({ promoters, passives, detractors }: { promoters: number; passives: number; detractors: number }): NpsResult {
  const responses = promoters + passives + detractors;
  const nps = responses === 0 ? null : round1(((promoters - detractors) / responses) * 100);
  // −0 would print as "-0".
  return { responses, promoters, passives, detractors, nps: nps === 0 ? 0 : nps };
}

export interface CsatResult {
  responses: number;
  /** 1..5, two decimals; null without answers. */
  mean: number | null;
  satisfied: number;
  /** 0..100, one decimal; null without answers. */
  satisfiedPct: number | null;
}

export function csatOf(scores: readonly number[]): CsatResult {
  let sum = 0;
  let satisfied = 0;
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 1 || score > 5) throw new RangeError(`a CSAT answer is a whole number from 1 to 5, not ${score}`);
    sum += score;
    if (score >= 4) satisfied++;
  }
  return csatFromTotals({ responses: scores.length, sum, satisfied });
}

/** CSAT from the count, the sum and the count of 4-5 answers (as a GROUP BY returns them). */
export function csatFromTotals({ responses, sum, satisfied }: { responses: number; sum: number; satisfied: number }): CsatResult {
  if (responses === 0) return { responses: 0, mean: null, satisfied: 0, satisfiedPct: null };
  return { responses, mean: Math.round((sum / responses) * 100) / 100, satisfied, satisfiedPct: round1((satisfied / responses) * 100) };
}

/** Responses over invitations sent, in percent with one decimal; null when nothing was sent. */
export function responseRateOf({ sent, responded }: { sent: number; responded: number }): number | null {
  if (sent <= 0) return null;
  return round1((Math.min(responded, sent) / sent) * 100);
}

/** The thresholds at or below which a response opens a feedback item. */
export const LOW_SCORE = { nps: 6, csat: 2 } as const;

/** A detractor (NPS 0-6) or a dissatisfied customer (CSAT 1-2): someone should follow up. */
export function isLowScore({ npsScore, csatScore }: { npsScore: number | null; csatScore: number | null }): boolean {
  return (npsScore !== null && npsScore <= LOW_SCORE.nps) || (csatScore !== null && csatScore <= LOW_SCORE.csat);
}

/** How bad a low score is: NPS 0-3 or CSAT 1 is high, other low scores medium. */
export function lowScoreSeverity({ npsScore, csatScore }: { npsScore: number | null; csatScore: number | null }): "high" | "medium" {
  return (npsScore !== null && npsScore <= 3) || csatScore === 1 ? "high" : "medium";
}
