import type { CaseEvent, CaseSla, SlaClock, SlaState } from "./sla-clock";

/** Where a case stands. `waiting_on_customer` pauses its SLA clocks (DEFAULT_PAUSE_STATUSES). */
export const CASE_STATUSES = ["open", "in_progress", "waiting_on_customer", "resolved"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What the team does to a case. */
export const CASE_ACTIONS = ["respond", "wait_on_customer", "customer_replied", "resolve", "reopen", "note"] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What a case's history records; the first six come from actions, the rest from edits. */
export const CASE_EVENT_TYPES = ["opened", "responded", "waiting_on_customer", "customer_replied", "resolved", "reopened", "note", "assigned", "priority_changed"] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

const ACTION_EVENTS: Record<CaseAction, CaseEventType> = {
  respond: "responded",
  wait_on_customer: "waiting_on_customer",
  customer_replied: "customer_replied",
  resolve: "resolved",
  reopen: "reopened",
  note: "note",
};

/** The statuses an action may be taken from. */
const ACTION_FROM: Record<CaseAction, readonly CaseStatus[]> = {
  respond: ["open", "in_progress", "waiting_on_customer"],
  wait_on_customer: ["open", "in_progress"],
  customer_replied: ["waiting_on_customer"],
  resolve: ["open", "in_progress", "waiting_on_customer"],
  reopen: ["resolved"],
  note: CASE_STATUSES,
};

/**
 * The event an action records and the status it leaves the case in, or null when the action
 * makes no sense from the status (resolving a resolved case, a customer reply nobody waited for).
 * Our answer moves a new case into progress; it does not end a wait on the customer.
 */
export function applyCaseAction(status: CaseStatus, action: CaseAction): { type: CaseEventType; status: CaseStatus } | null {
  if (!ACTION_FROM[action].includes(status)) return null;
  const next: CaseStatus =
    action === "respond" ? (status === "open" ? "in_progress" : status)
    : action === "wait_on_customer" ? "waiting_on_customer"
    : action === "customer_replied" || action === "reopen" ? "in_progress"
    : action === "resolve" ? "resolved"
    : status;
  return { type: ACTION_EVENTS[action], status: next };
}

/** The actions open to a case in a status, in the order a screen offers them. */
export function availableCaseActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((action) => applyCaseAction(status, action) !== null);
}

/** A stored event of a case's history. */
export interface RecordedCaseEvent {
  type: CaseEventType;
  at: Date;
  /** The case's status after the event. */
  status: CaseStatus;
}

/**
 * The history as the SLA clocks read it: an answer stops the first-response clock, and every
 * event that moves the status tells the clocks whether they now wait on the customer.
 * Notes, assignments and priority changes leave the clocks alone.
 */
export function clockEventsOf(events: readonly RecordedCaseEvent[]): CaseEvent[] {
  return events.flatMap((event): CaseEvent[] => {
    const { at, status } = event;
    switch (event.type) {
      case "opened":
        return [{ type: "opened", at }];
      case "responded":
        return [{ type: "first_response", at }, { type: "status_changed", at, status }];
      case "waiting_on_customer":
      case "customer_replied":
        return [{ type: "status_changed", at, status }];
      case "resolved":
        return [{ type: "resolved", at }];
      case "reopened":
        return [{ type: "reopened", at }, { type: "status_changed", at, status }];
      case "note":
      case "assigned":
      case "priority_changed":
        return [];
    }
  });
}

/** Worst first: what a list of cases is sorted and badged by. */
export const SLA_STATE_SEVERITY: readonly SlaState[] = ["breached", "at_risk", "running", "paused", "met"];

/**
 * The one state a case shows: the worse of its clocks that still matter. A first response
 * already given (met) does not hide a resolution at risk; a missed one stays visible.
 */
export function caseSlaState(sla: CaseSla): SlaState {
  const clocks: SlaClock[] = [sla.firstResponse, sla.resolution];
  return clocks.map((c) => c.state).sort((a, b) => SLA_STATE_SEVERITY.indexOf(a) - SLA_STATE_SEVERITY.indexOf(b))[0]!;
}
