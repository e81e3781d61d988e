import type { FeedbackSeverity, FeedbackStatus } from "./loop";

const DAY_MS = 86_400_000;

/**
 * The default time allowed in each open state, in calendar days, by severity: e.g. critical
 * feedback is acknowledged within 1 day, its improvement planned within 2 more, carried out
 * within 14, the customer told within 2 and the item closed within 3. Closed items are never
 * overdue.
 */
export const FEEDBACK_DEADLINE_DAYS: Record<FeedbackSeverity, Record<Exclude<FeedbackStatus, "closed">, number>> = {
  critical: { new: 1, acknowledged: 2, planned: 14, done: 2, informed: 3 },
  high: { new: 2, acknowledged: 5, planned: 30, done: 3, informed: 5 },
  medium: { new: 5, acknowledged: 10, planned: 60, done: 5, informed: 7 },
  low: { new: 10, acknowledged: 20, planned: 90, done: 10, informed: 14 },
};

export interface FeedbackDeadline {
  /** When the item should have left its current state; null once closed. */
  dueAt: Date | null;
  overdue: boolean;
  /** Whole days past the deadline (0 when not overdue). */
  daysOverdue: number;
}

/** The deadline of the current state: `statusChangedAt` plus the days allowed; overdue strictly after it. */
export function feedbackDeadline({ status, severity, statusChangedAt, now }: { status: FeedbackStatus; severity: FeedbackSeverity; statusChangedAt: Date; now: Date }): FeedbackDeadline {
  if (status === "closed") return { dueAt: null, overdue: false, daysOverdue: 0 };
  const dueAt = new Date(statusChangedAt.getTime() + FEEDBACK_DEADLINE_DAYS[severity][status] * DAY_MS);
  const late = now.getTime() - dueAt.getTime();
  return { dueAt, overdue: late > 0, daysOverdue: late > 0 ? Math.floor(late / DAY_MS) : 0 };
}
