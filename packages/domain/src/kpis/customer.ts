import { csatFromTotals, npsFromCounts } from "../surveys/metrics";

/**
 * Customer KPIs from survey answers, as the survey results count them (`surveys/metrics.ts`), from
 * a histogram of scores (what a GROUP BY returns). Scores outside the scale, or not whole, are
 * ignored rather than failing a whole scorecard.
 */
export interface ScoreCount {
  score: number;
  answers: number;
}

const valid = (counts: readonly ScoreCount[], min: number, max: number) =>
  counts.filter((c) => Number.isInteger(c.score) && c.score >= min && c.score <= max && Number.isInteger(c.answers) && c.answers > 0);

/**
 * Net Promoter Score of the answers submitted in the period: % promoters (9-10) − % detractors
 * (0-6), one decimal, in [−100, 100]; null without answers.
 */
export function npsKpi(counts: readonly ScoreCount[]): number | null {
  const answers = valid(counts, 0, 10);
  const sum = (test: (score: number) => boolean) => answers.filter((c) => test(c.score)).reduce((s, c) => s + c.answers, 0);
  return npsFromCounts({ promoters: sum((s) => s >= 9), passives: sum((s) => s === 7 || s === 8), detractors: sum((s) => s <= 6) }).nps;
}

/** CSAT of the answers submitted in the period: the percentage of satisfied answers (4 or 5 of 5), one decimal; null without answers. */
export function csatKpi(counts: readonly ScoreCount[]): number | null {
  const answers = valid(counts, 1, 5);
  return csatFromTotals({
    responses: answers.reduce((s, c) => s + c.answers, 0),
    sum: answers.reduce((s, c) => s + c.score * c.answers, 0),
    satisfied: answers.filter((c) => c.score >= 4).reduce((s, c) => s + c.answers, 0),
  }).satisfiedPct;
}
