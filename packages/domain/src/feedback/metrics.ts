import { feedbackDeadline } from "./overdue";
import type { OPEN_FEEDBACK_STATUSES, FeedbackSeverity, FeedbackStatus } from "./loop";
import type { FeedbackTransitionFact } from "./time-in-state";

const DAY_MS = 86_400_000;

export interface FeedbackFacts {
  status: FeedbackStatus;
  severity: FeedbackSeverity;
  createdAt: Date;
  statusChangedAt: Date;
  closedAt: Date | null;
  transitions: readonly FeedbackTransitionFact[];
}

export interface DurationStats {
  /** How many durations the figures are made of. */
  count: number;
  medianDays: number | null;
  avgDays: number | null;
}

export interface FeedbackMetrics {
  /** Completed stays in each state (an item still in a state does not count there yet). */
  timeInState: Record<Exclude<FeedbackStatus, "closed">, DurationStats>;
  openByStatus: Record<(typeof OPEN_FEEDBACK_STATUSES)[number], number>;
  overdue: number;
  /** From creation to closing, for items closed now. */
  closure: DurationStats;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Median and mean of durations in milliseconds, in days with one decimal; nulls when there are none. */
export function durationStats(durationsMs: readonly number[]): DurationStats {
  if (durationsMs.length === 0) return { count: 0, medianDays: null, avgDays: null };
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const avg = sorted.reduce((s, d) => s + d, 0) / sorted.length;
  return { count: sorted.length, medianDays: round1(median / DAY_MS), avgDays: round1(avg / DAY_MS) };
}

/** Each completed stay: the state left and how long the item was in it. */
export function completedStays(createdAt: Date, transitions: readonly FeedbackTransitionFact[]): Array<{ status: FeedbackStatus; ms: number }> {
  const sorted = [...transitions].sort((a, b) => a.at.getTime() - b.at.getTime());
  const stays: Array<{ status: FeedbackStatus; ms: number }> = [];
  let state: FeedbackStatus = "new";
  let since = createdAt.getTime();
  for (const t of sorted) {
    const at = Math.max(t.at.getTime(), since);
    stays.push({ status: state, ms: at - since });
    state = t.to;
    since = at;
  }
  return stays;
}

/** The loop's health over a set of items: time in each state, what is open, what is late, how long closing takes. */
export function feedbackMetrics(items: readonly FeedbackFacts[], now: Date): FeedbackMetrics {
  const durations: Record<string, number[]> = { new: [], acknowledged: [], planned: [], done: [], informed: [] };
  const openByStatus = { new: 0, acknowledged: 0, planned: 0, done: 0, informed: 0 };
  const closures: number[] = [];
  let overdue = 0;
  for (const item of items) {
    for (const stay of completedStays(item.createdAt, item.transitions)) {
      if (stay.status !== "closed") durations[stay.status]!.push(stay.ms);
    }
    if (item.status === "closed") {
      if (item.closedAt) closures.push(Math.max(item.closedAt.getTime() - item.createdAt.getTime(), 0));
    } else {
      openByStatus[item.status] += 1;
      if (feedbackDeadline({ ...item, now }).overdue) overdue += 1;
    }
  }
  return {
    timeInState: {
      new: durationStats(durations.new!),
      acknowledged: durationStats(durations.acknowledged!),
      planned: durationStats(durations.planned!),
      done: durationStats(durations.done!),
      informed: durationStats(durations.informed!),
    },
    openByStatus,
    overdue,
    closure: durationStats(closures),
  };
}
