/** Internal process and learning KPIs: service levels, contact cadence, plan actions, feedback. */

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);
const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10 + 0);
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1e6) / 1e6);

/** One SLA clock of a case: its state when read, and its elapsed minutes once stopped. */
export interface SlaClockReading {
  /** Stopped clocks only count: a case still waiting for its answer has not met or missed yet. */
  stopped: boolean;
  met: boolean;
  /** Elapsed minutes as the SLA clock counts them (business hours, paused time left out). */
  elapsedMinutes: number;
}

/**
 * SLA attainment: the share of stopped clocks (first response and resolution of the cases
 * opened in the period) that stopped within their target, in [0, 1]; null when no clock has
 * stopped. A running clock past its target is not counted yet — it is counted when it stops.
 */
export function slaAttainment(clocks: readonly SlaClockReading[]): number | null {
  const stopped = clocks.filter((c) => c.stopped);
  return ratio(stopped.filter((c) => c.met).length, stopped.length);
}

/** Mean elapsed time of the stopped clocks, in hours with one decimal; null when none has stopped. */
export function averageHours(clocks: readonly SlaClockReading[]): number | null {
  return round1(mean(clocks.filter((c) => c.stopped).map((c) => c.elapsedMinutes / 60)));
}

/**
 * Cadence compliance: the share of accounts with a planned contact cadence that have no overdue
 * cadence on the day assessed (the period's last day, or today for a period not over), in
 * [0, 1]. Accounts with nothing planned are left out; null when none has a plan.
 */
export function cadenceCompliance(accounts: ReadonlyArray<{ planned: number; overdue: number }>): number | null {
  const planned = accounts.filter((a) => a.planned > 0);
  return ratio(planned.filter((a) => a.overdue === 0).length, planned.length);
}

/**
 * Plan action completion: among the account plans' actions due in the period, the share done,
 * in [0, 1]; cancelled actions do not count. Null when no action was due.
 */
export function planActionCompletion(actions: ReadonlyArray<{ status: string }>): number | null {
  const live = actions.filter((a) => a.status !== "cancelled");
  return ratio(live.filter((a) => a.status === "done").length, live.length);
}

/**
 * Feedback closure time: the mean number of days from a feedback item's creation to its closing,
 * over the items closed in the period, one decimal; null when none was closed. Items still open
 * are not counted (their age is the feedback module's overdue warning, not a closure time).
 */
export function feedbackClosureDays(items: ReadonlyArray<{ createdAt: Date; closedAt: Date }>): number | null {
  const days = items.filter((i) => i.closedAt.getTime() >= i.createdAt.getTime()).map((i) => (i.closedAt.getTime() - i.createdAt.getTime()) / 86_400_000);
  return round1(mean(days));
}
