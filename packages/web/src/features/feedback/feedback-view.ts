import type { TFeedbackDetail } from "@openkam/contracts";
import { FEEDBACK_STATUSES, type FeedbackSeverity, type FeedbackStatus } from "@openkam/domain/feedback/index";

export const STATUS_COLORS: Record<FeedbackStatus, string> = {
  new: "red", acknowledged: "orange", planned: "blue", done: "cyan", informed: "grape", closed: "teal",
};

export const SEVERITY_COLORS: Record<FeedbackSeverity, string> = { low: "gray", medium: "yellow", high: "orange", critical: "red" };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A time in a state, short: "3 d 4 h", "5 h", "< 1 h"; the unit words come from the translations. */
export function formatDuration(ms: number, units: { day: string; hour: string; lessThanHour: string }): string {
  if (ms < HOUR) return units.lessThanHour;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  if (days === 0) return `${hours} ${units.hour}`;
  return hours === 0 ? `${days} ${units.day}` : `${days} ${units.day} ${hours} ${units.hour}`;
}

export interface LoopStep {
  status: FeedbackStatus;
  /** Time spent there so far (the current state counts up to now). */
  ms: number;
  state: "done" | "current" | "ahead";
  /** When the item last entered this state, if it has. */
  enteredAt: string | null;
  note: string | null;
}

/** The loop as a stepper: every state with its time, what is behind, where the item is, and what is ahead. */
export function loopSteps(item: Pick<TFeedbackDetail, "status" | "timeInStateMs" | "transitions" | "createdAt">): LoopStep[] {
  const current = FEEDBACK_STATUSES.indexOf(item.status);
  return FEEDBACK_STATUSES.map((status, index) => {
    const entered = status === "new" ? null : [...item.transitions].reverse().find((tr) => tr.to === status) ?? null;
    return {
      status,
      ms: item.timeInStateMs[status],
      state: index < current ? "done" : index === current ? (status === "closed" ? "done" : "current") : "ahead",
      enteredAt: status === "new" ? item.createdAt : entered?.at ?? null,
      note: entered?.note ?? null,
    };
  });
}

/** The board's columns: every state, items in the order given. */
export function boardColumns<T extends { status: FeedbackStatus }>(items: readonly T[]): Array<{ status: FeedbackStatus; items: T[] }> {
  return FEEDBACK_STATUSES.map((status) => ({ status, items: items.filter((i) => i.status === status) }));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The default report period: the last full quarter up to today, i.e. the 90 days before `now`. */
export function defaultReportPeriod(now: Date): { from: string; to: string } {
  return { from: iso(new Date(now.getTime() - 90 * DAY)), to: iso(now) };
}
