import { FEEDBACK_STATUSES, type FeedbackStatus } from "./loop";

export interface FeedbackTransitionFact {
  from: FeedbackStatus;
  to: FeedbackStatus;
  at: Date;
}

export type TimeInState = Record<FeedbackStatus, number>;

export const emptyTimeInState = (): TimeInState =>
  Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, 0])) as TimeInState;

/**
 * Milliseconds spent in each state, from the creation (in "new") through the transitions to
 * `now`; the current state counts up to `now`. Transitions are taken in time order, and a
 * moment before the previous one (clock skew between instances) counts as no time rather than
 * negative time, so the parts always add up to `now - createdAt` (or 0 when now is earlier).
 */
export function timeInState({ createdAt, transitions, now }: { createdAt: Date; transitions: readonly FeedbackTransitionFact[]; now: Date }): TimeInState {
  const totals = emptyTimeInState();
  const sorted = [...transitions].sort((a, b) => a.at.getTime() - b.at.getTime());
  let state: FeedbackStatus = "new";
  let since = createdAt.getTime();
  const end = now.getTime();
  for (const t of sorted) {
    const at = Math.min(Math.max(t.at.getTime(), since), end);
    totals[state] += at - since;
    state = t.to;
    since = at;
  }
  totals[state] += Math.max(end - since, 0);
  return totals;
}
