import type { TFeedbackDetail, TFeedbackItem, TFeedbackTransition } from "@openkam/contracts";
import { feedbackDeadline, nextFeedbackStatuses, timeInState, type OrgRole } from "@openkam/domain";
import type { FeedbackListRow, FeedbackRow, TransitionRow } from "./feedback.repository";

export function presentFeedback(row: FeedbackListRow, now: Date): TFeedbackItem {
  const deadline = feedbackDeadline({ status: row.status, severity: row.severity, statusChangedAt: row.statusChangedAt, now });
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    source: row.source,
    sourceId: row.sourceId,
    title: row.title,
    description: row.description,
    category: row.category,
    severity: row.severity,
    area: row.area,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName,
    status: row.status,
    action: row.taskId && row.taskTitle !== null && row.taskStatus !== null
      ? {
        id: row.taskId, title: row.taskTitle, status: row.taskStatus, assigneeUserId: row.taskAssigneeUserId, assigneeName: row.taskAssigneeName,
        dueDate: row.taskDueDate, completedAt: row.taskCompletedAt?.toISOString() ?? null,
      }
      : null,
    emailFrom: row.emailFrom,
    emailSentAt: row.emailSentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    dueAt: deadline.dueAt?.toISOString() ?? null,
    overdue: deadline.overdue,
    daysOverdue: deadline.daysOverdue,
    version: row.version,
  };
}

export function presentTransition(row: TransitionRow & { byName: string | null }): TFeedbackTransition {
  return { id: row.id, from: row.fromStatus, to: row.toStatus, at: row.at.toISOString(), byUserId: row.byUserId, byName: row.byName, note: row.note };
}

export function presentFeedbackDetail(row: FeedbackListRow, transitions: Array<TransitionRow & { byName: string | null }>, role: OrgRole, now: Date): TFeedbackDetail {
  return {
    ...presentFeedback(row, now),
    transitions: transitions.map(presentTransition),
    timeInStateMs: timeInState({ createdAt: row.createdAt, transitions: transitions.map((t) => ({ from: t.fromStatus, to: t.toStatus, at: t.at })), now }),
    nextStatuses: nextFeedbackStatuses(row.status, role),
  };
}

/** The stored fields, for the audit trail. */
export function auditedFeedback(row: FeedbackRow) {
  return {
    accountId: row.accountId, source: row.source, sourceId: row.sourceId, title: row.title, description: row.description, category: row.category,
    severity: row.severity, area: row.area, ownerUserId: row.ownerUserId, status: row.status, taskId: row.taskId, emailFrom: row.emailFrom,
    emailSentAt: row.emailSentAt?.toISOString() ?? null, closedAt: row.closedAt?.toISOString() ?? null, version: row.version,
  };
}
