import type { TComment } from "@openkam/contracts";
import type { CommentListRow } from "./comments.repository";

export function presentComment(row: CommentListRow, names: ReadonlyMap<string, string>): TComment {
  return {
    id: row.id,
    accountId: row.accountId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    author: { id: row.authorUserId, name: row.authorName },
    body: row.body,
    mentions: row.mentionedUserIds.map((id) => ({ id, name: names.get(id) ?? "" })),
    editedAt: row.editedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** What the audit trail keeps of a comment: enough to show it in an account's activity. */
export function auditedComment(row: CommentListRow | Omit<CommentListRow, "authorName">) {
  return {
    accountId: row.accountId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    authorUserId: row.authorUserId,
    body: row.body,
    mentionedUserIds: row.mentionedUserIds,
    version: row.version,
  };
}
