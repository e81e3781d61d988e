/**
 * The KAM programme: a pilot cohort of accounts run the key-account way first, and the goals the
 * programme is judged by. Pure rules, no I/O.
 */

/**
 * How a goal is measured. All but `manual` are computed from the cohort's data, in percent:
 * revenue growth of the last 12 months over the 12 before, and the share of cohort accounts with
 * an approved plan, with no overdue contact cadence, and with a champion among their contacts.
 */
export const PROGRAMME_GOAL_KINDS = ["revenue_growth", "approved_plans", "cadence_compliance", "champion_coverage", "manual"] as const;
export type ProgrammeGoalKind = (typeof PROGRAMME_GOAL_KINDS)[number];

/** The practice: start with a pilot of three to five accounts before rolling out. */
export const PILOT_COHORT = { min: 3, max: 5 } as const;

/** A bound on the cohort, so measuring it stays a handful of queries per account. */
export const MAX_COHORT_ACCOUNTS = 50;

export interface GoalProgress {
  /** 0..100: how far the current value has come towards the target. */
  progressPct: number | null;
  achieved: boolean | null;
}

/**
 * Progress towards "at least `target`". A target of zero or below is met or not; without a
 * current value (nothing measured or entered yet) there is no progress to show.
 */
export function goalProgress({ target, current }: { target: number; current: number | null }): GoalProgress {
  if (current === null || !Number.isFinite(current)) return { progressPct: null, achieved: null };
  const achieved = current >= target;
  if (target <= 0) return { progressPct: achieved ? 100 : 0, achieved };
  const pct = Math.max(0, Math.min(100, (current / target) * 100));
  return { progressPct: Math.round(pct * 10) / 10, achieved };
}

/** The share of `part` in `whole` in percent, one decimal; null for an empty cohort. */
export function shareOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Where the cohort stands against the pilot practice. */
export function pilotStatus(size: number): "empty" | "too_small" | "pilot" | "too_large" {
  if (size === 0) return "empty";
  if (size < PILOT_COHORT.min) return "too_small";
  return size > PILOT_COHORT.max ? "too_large" : "pilot";
}
