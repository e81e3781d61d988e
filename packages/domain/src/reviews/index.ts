/**
 * 360° review of a key account relationship: the account team, the director, the KAM lead (self-assessment)
 * and the customer rate the same criteria from 1 to 5; where the views differ by a full point or more, the
 * gap is highlighted. Pure rules, no I/O.
 */

/** Who answers: the account team, a director, the KAM lead about their own work, and the customer. */
export const REVIEW_VIEWS = ["team", "director", "self", "customer"] as const;
export type ReviewView = (typeof REVIEW_VIEWS)[number];

export const REVIEW_LANGUAGES = ["en", "zh-CN"] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

export const REVIEW_SCALE = { min: 1, max: 5 } as const;

/** Views whose averages differ by at least this much (in points, inclusive) are a gap worth a conversation. */
export const DEFAULT_GAP_THRESHOLD = 1.0;

export const MAX_REVIEW_CRITERIA = 12;
export const REVIEW_CRITERION_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export interface ReviewCriterion {
  key: string;
  labels: Record<ReviewLanguage, string>;
}

/** The criteria an organization starts with; a director can rename, remove, add and reorder them. */
export const DEFAULT_REVIEW_CRITERIA: readonly ReviewCriterion[] = [
  { key: "business_understanding", labels: { en: "Understanding of the customer's business", "zh-CN": "对客户业务的理解" } },
  { key: "responsiveness", labels: { en: "Responsiveness", "zh-CN": "响应速度" } },
  { key: "value_delivered", labels: { en: "Value delivered", "zh-CN": "交付的价值" } },
  { key: "strategic_alignment", labels: { en: "Strategic alignment", "zh-CN": "战略一致性" } },
  { key: "relationship_breadth", labels: { en: "Breadth of the relationship", "zh-CN": "关系的广度" } },
];

/** A score per criterion key; null (or absent) means "cannot judge". */
export type Ratings = Record<string, number | null>;

/** Problems with a set of criteria, by field; empty when valid. */
export function criteriaProblems(criteria: readonly ReviewCriterion[]): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (criteria.length === 0) problems.push({ field: "criteria", message: "Keep at least one criterion" });
  if (criteria.length > MAX_REVIEW_CRITERIA) problems.push({ field: "criteria", message: `At most ${MAX_REVIEW_CRITERIA} criteria` });
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (!REVIEW_CRITERION_KEY.test(c.key)) problems.push({ field: `criteria.${i}.key`, message: "Use lower-case letters, digits and _ (up to 40), starting with a letter" });
    else if (seen.has(c.key)) problems.push({ field: `criteria.${i}.key`, message: `The key ${c.key} is used twice` });
    seen.add(c.key);
  });
  return problems;
}

/** Problems with an answer against the cycle's criteria; empty when valid. At least one criterion must be rated. */
export function ratingProblems(criteria: readonly ReviewCriterion[], ratings: Ratings): Array<{ field: string; message: string }> {
  const keys = new Set(criteria.map((c) => c.key));
  const problems: Array<{ field: string; message: string }> = [];
  for (const [key, score] of Object.entries(ratings)) {
    if (!keys.has(key)) problems.push({ field: `ratings.${key}`, message: "Not a criterion of this review" });
    else if (score !== null && !(Number.isInteger(score) && score >= REVIEW_SCALE.min && score <= REVIEW_SCALE.max)) {
      problems.push({ field: `ratings.${key}`, message: `Rate from ${REVIEW_SCALE.min} to ${REVIEW_SCALE.max}` });
    }
  }
  if (problems.length === 0 && !Object.values(ratings).some((s) => s !== null)) problems.push({ field: "ratings", message: "Rate at least one criterion" });
  return problems;
}

export interface ReviewAnswer {
  view: ReviewView;
  ratings: Ratings;
}

export interface ViewGap {
  criterionKey: string;
  /** The higher-rating view first. */
  higher: ReviewView;
  lower: ReviewView;
  /** higher − lower, two decimals, ≥ the threshold. */
  difference: number;
}

export interface CriterionSummary {
  key: string;
  /** Average per view (two decimals); null when nobody of that view rated it. */
  averages: Record<ReviewView, number | null>;
  counts: Record<ReviewView, number>;
  /** The mean of the view averages: each view weighs the same, however many people answered it. */
  overall: number | null;
  /** The largest difference between two views, two decimals; null with fewer than two views. */
  spread: number | null;
  gaps: ViewGap[];
}

export interface ReviewSummary {
  criteria: CriterionSummary[];
  /** Per view, the mean of its criterion averages. */
  viewOverall: Record<ReviewView, number | null>;
  /** The mean of the criterion overalls; null before anyone answered. */
  overall: number | null;
  gaps: ViewGap[];
  gapThreshold: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);
const perView = <T>(f: (view: ReviewView) => T) => Object.fromEntries(REVIEW_VIEWS.map((v) => [v, f(v)])) as Record<ReviewView, T>;

/**
 * Averages per criterion and view, the overall score and the gaps between views. Averages are rounded to two
 * decimals before differences are taken, so what is shown is what is compared: 4.00 against 3.00 is a gap of
 * exactly 1.00, which meets a threshold of 1.0.
 */
export function summarizeReview(criteria: readonly ReviewCriterion[], answers: readonly ReviewAnswer[], gapThreshold = DEFAULT_GAP_THRESHOLD): ReviewSummary {
  const summaries = criteria.map((c): CriterionSummary => {
    const scores = perView((view) => answers.filter((a) => a.view === view).map((a) => a.ratings[c.key]).filter((s): s is number => typeof s === "number"));
    const averages = perView((view) => {
      const m = mean(scores[view]);
      return m === null ? null : round2(m);
    });
    const rated = REVIEW_VIEWS.filter((v) => averages[v] !== null);
    const gaps: ViewGap[] = [];
    let spread: number | null = null;
    for (let i = 0; i < rated.length; i++) {
      for (let j = i + 1; j < rated.length; j++) {
        const a = rated[i]!;
        const b = rated[j]!;
        const difference = round2(Math.abs(averages[a]! - averages[b]!));
        spread = Math.max(spread ?? 0, difference);
        if (difference >= gapThreshold) {
          const [higher, lower] = averages[a]! >= averages[b]! ? [a, b] : [b, a];
          gaps.push({ criterionKey: c.key, higher, lower, difference });
        }
      }
    }
    const overall = mean(rated.map((v) => averages[v]!));
    return { key: c.key, averages, counts: perView((view) => scores[view].length), overall: overall === null ? null : round2(overall), spread, gaps };
  });
  const viewOverall = perView((view) => {
    const m = mean(summaries.map((s) => s.averages[view]).filter((v): v is number => v !== null));
    return m === null ? null : round2(m);
  });
  const overall = mean(summaries.map((s) => s.overall).filter((v): v is number => v !== null));
  const gaps = summaries.flatMap((s) => s.gaps).sort((a, b) => b.difference - a.difference || a.criterionKey.localeCompare(b.criterionKey));
  return { criteria: summaries, viewOverall, overall: overall === null ? null : round2(overall), gaps, gapThreshold };
}

/** The label of a criterion in a language, falling back to English, then to the key. */
export function criterionLabel(criterion: ReviewCriterion, language: ReviewLanguage): string {
  return criterion.labels[language] || criterion.labels.en || criterion.key;
}
