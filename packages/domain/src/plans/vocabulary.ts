import type { OrgRole } from "../enums/index";

/** draft → submitted → approved, or back to changes_requested; editing an approved plan opens a new draft. */
export const PLAN_STATUSES = ["draft", "submitted", "approved", "changes_requested"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** What an objective's target measures. */
export const PLAN_KPI_KINDS = ["revenue", "share_of_wallet", "satisfaction", "other"] as const;
export type PlanKpiKind = (typeof PLAN_KPI_KINDS)[number];

/** Plan actions become tasks, so they share the task board's statuses. */
export const PLAN_ACTION_STATUSES = ["todo", "in_progress", "blocked", "done", "cancelled"] as const;
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

export const PLAN_RISK_LEVELS = ["low", "medium", "high"] as const;
export type PlanRiskLevel = (typeof PLAN_RISK_LEVELS)[number];

/** Only directors and admins approve plans or send them back. */
export function canApprovePlans(role: OrgRole): boolean {
  return role === "admin" || role === "director";
}

export type PlanTransition = "submit" | "approve" | "request_changes";

/** The status a plan moves to, or null when the transition is not allowed from `from`. */
export function nextPlanStatus(from: PlanStatus, transition: PlanTransition): PlanStatus | null {
  switch (transition) {
    case "submit":
      return from === "draft" || from === "changes_requested" ? "submitted" : null;
    case "approve":
      return from === "submitted" ? "approved" : null;
    case "request_changes":
      return from === "submitted" ? "changes_requested" : null;
  }
}

/** Submitted plans are frozen while a director reviews them; approved ones reopen as a draft when edited. */
export function statusAfterEdit(from: PlanStatus): PlanStatus | null {
  if (from === "submitted") return null;
  return from === "approved" ? "draft" : from;
}

/** What made a version of a plan. */
export const PLAN_CHANGES = ["create", "update", "submit", "approve", "request_changes"] as const;
export type PlanChange = (typeof PLAN_CHANGES)[number];
