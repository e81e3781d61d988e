import { KPI_DEFINITIONS, SCORECARD_PERSPECTIVES, kpiDefinition, type KpiDirection, type KpiKey, type ScorecardPerspective } from "./registry";

/**
 * The balanced scorecard: four perspectives, each a weighted set of KPIs with a target and a
 * tolerance, scored and shown as traffic lights. Pure rules; the configuration is the director's.
 */

export type TrafficLight = "green" | "amber" | "red";

export interface ScorecardKpiConfig {
  key: KpiKey;
  target: number;
  /** Relative weight within the perspective; 0 keeps the KPI on the card without scoring it. */
  weight: number;
  /** How far short of the target (in the KPI's own unit) is still amber. */
  tolerance: number;
}

export interface ScorecardPerspectiveConfig {
  key: ScorecardPerspective;
  /** Relative weight in the overall score. */
  weight: number;
  kpis: ScorecardKpiConfig[];
}

export interface ScorecardConfig {
  perspectives: ScorecardPerspectiveConfig[];
  /** Scores (0-100) from which a perspective or the whole card is green, and amber. */
  thresholds: { green: number; amber: number };
}

/**
 * The configuration an organization starts with (docs/kpis.md explains the choices): financial
 * 30 %, customer 30 %, internal process 25 %, learning & growth 15 %.
 */
export const DEFAULT_SCORECARD_CONFIG: ScorecardConfig = {
  thresholds: { green: 90, amber: 70 },
  perspectives: [
    { key: "financial", weight: 30, kpis: [
      { key: "revenue_growth_yoy", target: 10, weight: 2, tolerance: 5 },
      { key: "net_revenue_retention", target: 100, weight: 2, tolerance: 5 },
      { key: "gross_revenue_retention", target: 90, weight: 1, tolerance: 5 },
    ] },
    { key: "customer", weight: 30, kpis: [
      { key: "nps", target: 30, weight: 2, tolerance: 10 },
      { key: "csat", target: 80, weight: 1, tolerance: 5 },
      { key: "logo_retention", target: 90, weight: 1, tolerance: 5 },
      { key: "share_of_wallet", target: 30, weight: 1, tolerance: 5 },
    ] },
    { key: "internal_process", weight: 25, kpis: [
      { key: "sla_attainment", target: 95, weight: 2, tolerance: 5 },
      { key: "first_response_hours", target: 8, weight: 1, tolerance: 4 },
      { key: "cadence_compliance", target: 90, weight: 2, tolerance: 10 },
    ] },
    { key: "learning_growth", weight: 15, kpis: [
      { key: "plan_action_completion", target: 80, weight: 2, tolerance: 10 },
      { key: "feedback_closure_days", target: 30, weight: 1, tolerance: 10 },
    ] },
  ],
};

/** Weights scaled to sum to 1; all zero (or none) stays all zero. Negative weights count as 0. */
export function normaliseWeights(weights: readonly number[]): number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const total = clean.reduce((s, w) => s + w, 0);
  return total === 0 ? clean.map(() => 0) : clean.map((w) => w / total);
}

/** How far the value is short of the target, in the KPI's unit: 0 or less means met. */
function shortfall(value: number, target: number, direction: KpiDirection): number {
  return direction === "higher_is_better" ? target - value : value - target;
}

/**
 * Target attainment in [0, 1]: 1 when the target is met, else 1 − shortfall / |target| (half the
 * target missed scores 0.5, in either direction), never below 0. A target of 0 is met or not.
 * Null when there is no value.
 */
export function targetAttainment(value: number | null, target: number, direction: KpiDirection): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const gap = shortfall(value, target, direction);
  if (gap <= 0) return 1;
  if (target === 0) return 0;
  return Math.max(0, 1 - gap / Math.abs(target));
}

/**
 * The traffic light of a KPI: green when the target is met (≥ for higher-is-better, ≤ for
 * lower-is-better), amber when short of it by no more than the tolerance, red otherwise; null
 * when the KPI cannot be measured for the subject and period.
 */
export function trafficLight(value: number | null, target: number, direction: KpiDirection, tolerance: number): TrafficLight | null {
  if (value === null || !Number.isFinite(value)) return null;
  const gap = shortfall(value, target, direction);
  if (gap <= 0) return "green";
  return gap <= Math.max(0, tolerance) + 1e-9 ? "amber" : "red";
}

/** The light of a score (0-100) against the configured thresholds; null without a score. */
export function scoreLight(score: number | null, thresholds: ScorecardConfig["thresholds"]): TrafficLight | null {
  if (score === null) return null;
  if (score >= thresholds.green) return "green";
  return score >= thresholds.amber ? "amber" : "red";
}

export interface ScoredKpi extends ScorecardKpiConfig {
  value: number | null;
  /** The KPI's share of its perspective, 0..1. */
  normalisedWeight: number;
  attainment: number | null;
  status: TrafficLight | null;
}

export interface ScoredPerspective {
  key: ScorecardPerspective;
  weight: number;
  normalisedWeight: number;
  /** Weighted attainment of the measurable KPIs, 0-100 (one decimal); null when none is measurable. */
  score: number | null;
  status: TrafficLight | null;
  kpis: ScoredKpi[];
}

export interface ScoredCard {
  score: number | null;
  status: TrafficLight | null;
  perspectives: ScoredPerspective[];
}

const round1 = (v: number) => Math.round(v * 10) / 10 + 0;

/** Weighted mean over the items that have a value, their weights renormalised; null when none has one. */
function weightedScore(items: ReadonlyArray<{ weight: number; score: number | null }>): number | null {
  const measured = items.filter((i) => i.score !== null && i.weight > 0);
  if (measured.length === 0) return null;
  const weights = normaliseWeights(measured.map((i) => i.weight));
  return round1(measured.reduce((s, i, n) => s + weights[n]! * i.score!, 0));
}

/**
 * Scores a card: each KPI's attainment and light; a perspective's score is the weighted mean of
 * its measurable KPIs' attainment × 100, and the card's the weighted mean of the perspectives
 * that have a score. Unmeasurable KPIs (no data in the period) are left out of the means rather
 * than counted as 0, so a missing survey does not read as an unhappy customer.
 */
export function scoreScorecard(config: ScorecardConfig, values: Partial<Record<KpiKey, number | null>>): ScoredCard {
  const perspectiveWeights = normaliseWeights(config.perspectives.map((p) => p.weight));
  const perspectives = config.perspectives.map((p, i): ScoredPerspective => {
    const kpiWeights = normaliseWeights(p.kpis.map((k) => k.weight));
    const kpis = p.kpis.map((k, n): ScoredKpi => {
      const value = values[k.key] ?? null;
      const { direction } = kpiDefinition(k.key);
      return { ...k, value, normalisedWeight: kpiWeights[n]!, attainment: targetAttainment(value, k.target, direction), status: trafficLight(value, k.target, direction, k.tolerance) };
    });
    const score = weightedScore(kpis.map((k) => ({ weight: k.weight, score: k.attainment === null ? null : k.attainment * 100 })));
    return { key: p.key, weight: p.weight, normalisedWeight: perspectiveWeights[i]!, score, status: scoreLight(score, config.thresholds), kpis };
  });
  const score = weightedScore(perspectives.map((p) => ({ weight: p.weight, score: p.score })));
  return { score, status: scoreLight(score, config.thresholds), perspectives };
}

/** The range a target may take, by KPI: percentages of a whole stay within 0-100, times are not negative. */
export function targetRange(key: KpiKey): { min: number; max: number } {
  switch (key) {
    case "nps": return { min: -100, max: 100 };
    case "revenue_growth_yoy": case "revenue_growth_qoq": return { min: -100, max: 10_000 };
    case "net_revenue_retention": return { min: 0, max: 1_000 };
    case "revenue": case "clv": return { min: 0, max: 1e12 };
    case "first_response_hours": case "resolution_hours": case "feedback_closure_days": return { min: 0, max: 100_000 };
    case "logo_retention": case "gross_revenue_retention": case "share_of_wallet": case "csat": case "sla_attainment":
    case "cadence_compliance": case "plan_action_completion": return { min: 0, max: 100 };
  }
}

export interface ConfigIssue {
  field: string;
  message: string;
}

/**
 * What is wrong with a scorecard configuration, one issue per field (empty when it is valid):
 * the four perspectives once each, a KPI at most once on the card, targets within the KPI's
 * range, weights and tolerances not negative, some weight in the card and in every weighted
 * perspective, and amber ≤ green within 0-100.
 */
export function validateScorecardConfig(config: ScorecardConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  config.perspectives.forEach((p, i) => {
    if (seen.has(p.key)) issues.push({ field: `perspectives.${i}.key`, message: `The ${p.key} perspective appears twice` });
    seen.add(p.key);
  });
  for (const key of SCORECARD_PERSPECTIVES) {
    if (!seen.has(key)) issues.push({ field: "perspectives", message: `The ${key} perspective is missing` });
  }
  const kpis = new Set<string>();
  config.perspectives.forEach((p, i) => {
    if (!(p.weight >= 0)) issues.push({ field: `perspectives.${i}.weight`, message: "A weight cannot be negative" });
    if (p.weight > 0 && !p.kpis.some((k) => k.weight > 0)) {
      issues.push({ field: `perspectives.${i}.kpis`, message: "A weighted perspective needs at least one weighted KPI" });
    }
    p.kpis.forEach((k, n) => {
      const at = `perspectives.${i}.kpis.${n}`;
      if (kpis.has(k.key)) issues.push({ field: `${at}.key`, message: `${k.key} is already on the card` });
      kpis.add(k.key);
      const range = targetRange(k.key);
      if (!(k.target >= range.min && k.target <= range.max)) issues.push({ field: `${at}.target`, message: `The target must be between ${range.min} and ${range.max}` });
      if (!(k.weight >= 0)) issues.push({ field: `${at}.weight`, message: "A weight cannot be negative" });
      if (!(k.tolerance >= 0)) issues.push({ field: `${at}.tolerance`, message: "A tolerance cannot be negative" });
    });
  });
  if (!config.perspectives.some((p) => p.weight > 0)) issues.push({ field: "perspectives", message: "At least one perspective needs a weight above 0" });
  const { green, amber } = config.thresholds;
  if (!(green >= 0 && green <= 100)) issues.push({ field: "thresholds.green", message: "Between 0 and 100" });
  if (!(amber >= 0 && amber <= 100)) issues.push({ field: "thresholds.amber", message: "Between 0 and 100" });
  else if (amber > green) issues.push({ field: "thresholds.amber", message: "Amber starts at or below green" });
  return issues;
}

/** The KPIs not on a card, for the editor's "add a KPI" list. */
export function kpisNotOnCard(config: ScorecardConfig): KpiKey[] {
  const on = new Set(config.perspectives.flatMap((p) => p.kpis.map((k) => k.key)));
  return KPI_DEFINITIONS.map((d) => d.key).filter((k) => !on.has(k));
}
