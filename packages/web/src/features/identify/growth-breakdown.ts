import type { TMatrixValues } from "@openkam/contracts";
import { GROWTH_WEIGHTS } from "@openkam/domain/analytics/growth-potential";

export type GrowthComponent = keyof TMatrixValues["components"];
export const GROWTH_COMPONENTS = Object.keys(GROWTH_WEIGHTS) as GrowthComponent[];

export interface GrowthRow {
  component: GrowthComponent;
  /** The raw input (growth, slope, headroom, pipeline, importance); null when unknown. */
  raw: number | null;
  /** The input mapped to [0, 1]; null when the component was left out. */
  score: number | null;
  /** The weight the component had in this account's score: missing components' weights are shared out. */
  weight: number;
  /** score × weight: the rows add up to the growth-potential score. */
  points: number;
}

/**
 * How an account's growth-potential score is made: each component's input, score and weight, the
 * weights re-scaled over the components that are known, exactly as the analysis combines them.
 */
export function growthBreakdown(values: Pick<TMatrixValues, "components" | "componentScores">): GrowthRow[] {
  const known = GROWTH_COMPONENTS.filter((c) => isNumber(values.componentScores[c]));
  const total = known.reduce((s, c) => s + GROWTH_WEIGHTS[c], 0);
  return GROWTH_COMPONENTS.map((component) => {
    const score = values.componentScores[component];
    const raw = values.components[component];
    const weight = isNumber(score) && total > 0 ? GROWTH_WEIGHTS[component] / total : 0;
    return { component, raw: isNumber(raw) ? raw : null, score: isNumber(score) ? score : null, weight, points: isNumber(score) ? score * weight : 0 };
  });
}

const isNumber = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);
