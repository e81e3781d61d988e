/**
 * The closed feedback loop: what the customer told us is acknowledged, an improvement is planned
 * as a task (possibly for another department), carried out, the customer is told what was done,
 * and only then is the item closed. Pure rules, no I/O.
 */
import type { OrgRole } from "../enums/index";

export const FEEDBACK_SOURCES = ["survey", "interaction", "case", "email", "manual"] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const FEEDBACK_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type FeedbackSeverity = (typeof FEEDBACK_SEVERITIES)[number];

/** The loop's states, in order. */
export const FEEDBACK_STATUSES = ["new", "acknowledged", "planned", "done", "informed", "closed"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** States in which the item still waits for someone in the organization. */
export const OPEN_FEEDBACK_STATUSES = ["new", "acknowledged", "planned", "done", "informed"] as const satisfies readonly FeedbackStatus[];

/**
 * The allowed moves. The loop only goes forward, one step at a time, so no item reaches "closed"
 * without a planned action and a customer told about it; a closed item may be reopened (back to
 * acknowledged, to plan again) when the customer says the problem is not solved.
 */
const NEXT: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  new: ["acknowledged"],
  acknowledged: ["planned"],
  planned: ["done"],
  done: ["informed"],
  informed: ["closed"],
  closed: ["acknowledged"],
};

export type TransitionRefusal =
  | { code: "not_allowed"; message: string }
  | { code: "task_required"; message: string }
  | { code: "note_required"; message: string }
  | { code: "director_only"; message: string };

export interface TransitionRequest {
  from: FeedbackStatus;
  to: FeedbackStatus;
  role: OrgRole;
  /** Planning needs the improvement action: a task given with the request. */
  hasTask: boolean;
  note?: string | null;
}

const isReopen = (from: FeedbackStatus, to: FeedbackStatus) => from === "closed" && to === "acknowledged";

/** Whether a role may reopen closed feedback: a closed loop is the director's promise to the customer. */
export const canReopenFeedback = (role: OrgRole) => role === "director" || role === "admin";

/** The states an item may move to next, for this role (what the web app offers). */
export function nextFeedbackStatuses(from: FeedbackStatus, role: OrgRole): FeedbackStatus[] {
  if (role === "viewer") return [];
  return NEXT[from].filter((to) => !isReopen(from, to) || canReopenFeedback(role));
}

/**
 * Checks one move and says why it is refused: a step that is not next in the loop, planning
 * without a task, informing or reopening without a note of how the customer was told (or why
 * the item is reopened), and reopening by anyone but a director or admin. Null when allowed.
 */
export function checkFeedbackTransition({ from, to, role, hasTask, note }: TransitionRequest): TransitionRefusal | null {
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from].join(" or ");
    return { code: "not_allowed", message: `Feedback that is ${from} can only move to ${allowed}, not to ${to}` };
  }
  const hasNote = typeof note === "string" && note.trim() !== "";
  if (to === "planned" && !hasTask) return { code: "task_required", message: "Planning an improvement needs its action: give the task (title, assignee, due date)" };
  if (to !== "planned" && hasTask) return { code: "not_allowed", message: "A task is only given when the improvement is planned" };
  if (to === "informed" && !hasNote) return { code: "note_required", message: "Say how the customer was told (a call, an e-mail, the QBR …)" };
  if (isReopen(from, to)) {
    if (!canReopenFeedback(role)) return { code: "director_only", message: "Only directors and admins can reopen closed feedback" };
    if (!hasNote) return { code: "note_required", message: "Say why the feedback is reopened" };
  }
  return null;
}
