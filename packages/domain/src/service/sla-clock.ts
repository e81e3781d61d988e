import { assertInstant } from "../relate/dates";
import { addBusinessMinutes, countBusinessMinutes, type BusinessCalendar } from "./business-hours";
import { assertSlaTarget, type SlaTarget } from "./sla-targets";

/**
 * What happened to a case, as recorded. `status_changed` carries the new status; only the
 * pause statuses matter to the clocks.
 */
export type CaseEvent =
  | { type: "opened"; at: Date }
  | { type: "first_response"; at: Date }
  | { type: "status_changed"; at: Date; status: string }
  | { type: "resolved"; at: Date }
  | { type: "reopened"; at: Date };

/** While the ball is in the customer's court, the clocks stop. */
export const DEFAULT_PAUSE_STATUSES: readonly string[] = ["waiting_on_customer"];

/** At risk once less than a fifth of the target is left. */
export const DEFAULT_AT_RISK_RATIO = 0.2;

export type SlaState = "running" | "paused" | "met" | "breached" | "at_risk";

export interface SlaClock {
  state: SlaState;
  targetMinutes: number;
  businessHours: boolean;
  /** Minutes counted so far (business or wall-clock, as the target says); fractional. */
  elapsedMinutes: number;
  /** Minutes left before the target; 0 once reached. */
  remainingMinutes: number;
  /**
   * When the target is (or was) reached if the clock keeps running as it does: in the past for
   * a breach, in the future for a running clock; null while paused or once stopped in time.
   */
  dueAt: Date | null;
  /** When the clock stopped for good (first response, resolution); null while it may still run. */
  stoppedAt: Date | null;
}

export interface CaseSla {
  firstResponse: SlaClock;
  resolution: SlaClock;
}

export interface ComputeCaseSlaOptions {
  events: readonly CaseEvent[];
  target: SlaTarget;
  calendar: BusinessCalendar;
  now: Date;
  atRiskRatio?: number;
  pauseStatuses?: readonly string[];
}

/** Time the clock runs, epoch milliseconds; `end` null = still running. */
type Segment = { start: number; end: number | null };

interface ClockTrack {
  segments: Segment[];
  stoppedAt: number | null;
}

/**
 * Both SLA clocks of a case, derived from its history alone, so a restart or a replayed event
 * log gives the same answer. Events after `now` have not happened yet and are ignored.
 *
 * - Both clocks start at `opened` and stop while the status is a pause status
 *   (`waiting_on_customer`); a later status change, a resolution or a reopening ends the pause.
 * - The first-response clock stops for good at the first response, or at the resolution when
 *   nobody answered before; a reopening does not restart it.
 * - The resolution clock stops at `resolved` and resumes at `reopened`, keeping the minutes
 *   already counted: a reopened case has not been resolved in the meantime.
 * - A stopped clock is `met` when it counted no more than the target, else `breached`; a running
 *   one is `breached` past the target, `at_risk` with less than `atRiskRatio` of it left, else
 *   `running`; a pause shows as `paused` unless the target was already missed.
 */
export function computeCaseSla({
  events,
  target,
  calendar,
  now,
  atRiskRatio = DEFAULT_AT_RISK_RATIO,
  pauseStatuses = DEFAULT_PAUSE_STATUSES,
}: ComputeCaseSlaOptions): CaseSla {
  assertInstant(now, "now");
  assertSlaTarget(target);
  if (!(atRiskRatio >= 0 && atRiskRatio <= 1)) throw new RangeError(`atRiskRatio must be between 0 and 1, got ${atRiskRatio}`);
  const { firstResponse, resolution } = replayCase(events, now.getTime(), new Set(pauseStatuses));
  const measure = target.businessHours ? businessMeasure(calendar) : WALL_CLOCK;
  const clock = (track: ClockTrack, targetMinutes: number) => readClock(track, targetMinutes, target.businessHours, measure, now.getTime(), atRiskRatio);
  return { firstResponse: clock(firstResponse, target.firstResponseMinutes), resolution: clock(resolution, target.resolutionMinutes) };
}

function replayCase(events: readonly CaseEvent[], now: number, pauseStatuses: ReadonlySet<string>): { firstResponse: ClockTrack; resolution: ClockTrack } {
  events.forEach((event, index) => assertInstant(event.at, `event ${index} (${event.type})`));
  // A stable sort keeps the recorded order of events stamped with the same instant.
  const history = [...events].sort((a, b) => a.at.getTime() - b.at.getTime()).filter((e) => e.at.getTime() <= now);
  const [opening, ...rest] = history;
  if (opening?.type !== "opened") {
    throw new RangeError(history.length === 0 ? "a case's history must hold its opening at or before now" : `a case's history starts with "opened", not "${opening?.type}"`);
  }
  const firstResponse: ClockTrack = { segments: [], stoppedAt: null };
  const resolution: ClockTrack = { segments: [], stoppedAt: null };
  let paused = false;
  let resolvedAt: number | null = null;
  // Opens or closes each clock's current segment to match the case's state after an event.
  const sync = (at: number) => {
    setRunning(firstResponse, at, firstResponse.stoppedAt === null && !paused && resolvedAt === null);
    setRunning(resolution, at, !paused && resolvedAt === null);
  };
  sync(opening.at.getTime());
  for (const event of rest) {
    const at = event.at.getTime();
    switch (event.type) {
      case "opened":
        throw new RangeError("a case is opened once; a later opening is a reopening");
      case "first_response":
        firstResponse.stoppedAt ??= at;
        break;
      case "status_changed":
        if (resolvedAt === null) paused = pauseStatuses.has(event.status);
        break;
      case "resolved":
        firstResponse.stoppedAt ??= at;
        resolvedAt ??= at;
        paused = false;
        break;
      case "reopened":
        resolvedAt = null;
        paused = false;
        break;
    }
    sync(at);
  }
  resolution.stoppedAt = resolvedAt;
  return { firstResponse, resolution };
}

function setRunning(track: ClockTrack, at: number, running: boolean): void {
  const last = track.segments.at(-1);
  const isRunning = last !== undefined && last.end === null;
  if (running && !isRunning) track.segments.push({ start: at, end: null });
  if (!running && isRunning) last.end = at;
}

interface Measure {
  count(from: number, to: number): number;
  add(from: number, minutes: number): number;
}

const WALL_CLOCK: Measure = {
  count: (from, to) => Math.max(0, to - from) / 60_000,
  add: (from, minutes) => from + minutes * 60_000,
};

function businessMeasure(calendar: BusinessCalendar): Measure {
  return {
    count: (from, to) => countBusinessMinutes(calendar, new Date(from), new Date(to)),
    add: (from, minutes) => addBusinessMinutes(calendar, new Date(from), minutes).getTime(),
  };
}

function readClock(track: ClockTrack, targetMinutes: number, businessHours: boolean, measure: Measure, now: number, atRiskRatio: number): SlaClock {
  let elapsed = 0;
  let dueAt: number | null = null;
  for (const { start, end } of track.segments) {
    const counted = measure.count(start, end ?? now);
    // A running clock reaches its target in its open segment even when that lies ahead of now.
    if (dueAt === null && (end === null || elapsed + counted > targetMinutes)) dueAt = measure.add(start, targetMinutes - elapsed);
    elapsed += counted;
  }
  const remaining = Math.max(0, targetMinutes - elapsed);
  const running = track.segments.at(-1)?.end === null;
  const breached = elapsed > targetMinutes;
  const state: SlaState =
    track.stoppedAt !== null ? (breached ? "breached" : "met")
    : breached ? "breached"
    : !running ? "paused"
    : remaining < atRiskRatio * targetMinutes ? "at_risk"
    : "running";
  return {
    state,
    targetMinutes,
    businessHours,
    elapsedMinutes: elapsed,
    remainingMinutes: remaining,
    dueAt: dueAt === null ? null : new Date(dueAt),
    stoppedAt: track.stoppedAt === null ? null : new Date(track.stoppedAt),
  };
}
