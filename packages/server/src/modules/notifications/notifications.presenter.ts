import type { TNotification, TNotificationPreferences } from "@openkam/contracts";
import type { NotificationListRow, PreferencesRow } from "./notifications.repository";

/** Where a notification leads in the web app. */
export function linkOf(row: Pick<NotificationListRow, "kind" | "accountId" | "commentId"> & { data?: Record<string, unknown> }): string {
  switch (row.kind) {
    case "feedback_assigned":
      return typeof row.data?.feedbackId === "string" ? `/feedback/${row.data.feedbackId}` : "/feedback";
    case "cadence_reminder":
      return "/cadence";
    case "mention":
      return row.accountId ? `/accounts/${row.accountId}${row.commentId ? `#comment-${row.commentId}` : ""}` : "/notifications";
  }
}

export function presentNotification(row: NotificationListRow): TNotification {
  return {
    id: row.id,
    kind: row.kind,
    actor: row.actorUserId ? { id: row.actorUserId, name: row.actorName ?? "" } : null,
    accountId: row.accountId,
    accountName: row.accountName,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    commentId: row.commentId,
    data: row.data,
    link: linkOf(row),
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Without a row the defaults apply (version 0). */
export function presentPreferences(row: PreferencesRow | undefined): TNotificationPreferences {
  return { cadenceReminderEmail: row?.cadenceReminderEmail ?? true, version: row?.version ?? 0 };
}
