import type { PlanActionStatus } from "./vocabulary";

export interface ObjectiveMeasure {
  baseline: number;
  target: number;
  current: number | null;
  /** Relative importance; 0 leaves the objective out. */
  weight: number;
}

/**
 * How far an objective has come from its baseline to its target, 0..1. A target below the
 * baseline (fewer complaints, lower churn) counts the fall; an unmeasured objective has made no progress.
 */
export function objectiveAttainment({ baseline, target, current }: ObjectiveMeasure): number {
  if (current === null || !Number.isFinite(current)) return 0;
  if (target === baseline) return current === target || (target >= baseline ? current >= target : current <= target) ? 1 : 0;
  const share = (current - baseline) / (target - baseline);
  return Math.min(1, Math.max(0, share));
}

/** Plan progress: attainment of the objectives weighted by their weight, 0..100 (whole percent); null without weighted objectives. */
export function planProgress(objectives: readonly ObjectiveMeasure[]): number | null {
  const weighted = objectives.filter((o) => o.weight > 0);
  const total = weighted.reduce((sum, o) => sum + o.weight, 0);
  if (total === 0) return null;
  const attained = weighted.reduce((sum, o) => sum + o.weight * objectiveAttainment(o), 0);
  return Math.round((attained / total) * 100);
}

/** Share of the plan's live actions that are done, 0..100; cancelled actions do not count; null without actions. */
export function actionCompletion(actions: ReadonlyArray<{ status: PlanActionStatus }>): number | null {
  const live = actions.filter((a) => a.status !== "cancelled");
  if (live.length === 0) return null;
  return Math.round((live.filter((a) => a.status === "done").length / live.length) * 100);
}
