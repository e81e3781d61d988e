import type { TCommentListQuery, TCommentSubjectType, TCreateCommentRequest, TUpdateCommentRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { invalid, notFound } from "../../http/app-error";
import { decodeCursor, encodeCursor } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { findPlan } from "../plans/plans.repository";
import { findCase } from "../service/service.repository";
import { insertNotifications } from "../notifications/notifications.repository";
import { assertCanDelete, assertCanEdit, assertCanWrite } from "./comments.policy";
import { auditedComment, presentComment } from "./comments.presenter";
import * as repo from "./comments.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const AUDIT_TYPE = "comment";
const EXCERPT_LENGTH = 140;
const MENTIONABLE_LIMIT = 20;

/**
 * The subject a comment hangs on. An account's own comments use its id as subject; a plan's or a
 * case's thread lives under the plan's or case's account, which decides who sees it.
 */
function subjectOf(accountId: string, subjectType: TCommentSubjectType, subjectId: string | undefined): repo.CommentSubject {
  if (subjectType === "account") {
    if (subjectId !== undefined && subjectId !== accountId) throw invalid("subjectId", "An account's comments have the account itself as subject");
    return { accountId, subjectType, subjectId: accountId };
  }
  if (subjectId === undefined) throw invalid("subjectId", `Say which ${subjectType} the comment is about`);
  return { accountId, subjectType, subjectId };
}

async function assertAccountVisible(db: Db, scope: Scope, accountId: string) {
  if (!(await accountExists(db, scope, accountId))) throw notFound("Account");
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The mentioned people must be active members of the organization; they are told only if they see the account. */
async function checkMentions(db: Db, scope: Scope, accountId: string, ids: readonly string[]) {
  const members = await repo.membersSeeing(db, scope, accountId, ids);
  const known = new Set(members.map((m) => m.userId));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw invalid("mentionedUserIds", "Mention only active members of your organization, picked from the list");
  return members;
}

async function notifyMentions(tx: Db, scope: Scope, comment: repo.CommentRow, members: readonly repo.MemberVisibility[], onlyUserIds?: ReadonlySet<string>) {
  const recipients = members.filter((m) => m.canSeeAccount && m.userId !== scope.userId && (!onlyUserIds || onlyUserIds.has(m.userId)));
  await insertNotifications(tx, scope, recipients.map((m) => ({
    id: newId(),
    userId: m.userId,
    kind: "mention" as const,
    actorUserId: scope.userId,
    accountId: comment.accountId,
    subjectType: comment.subjectType,
    subjectId: comment.subjectId,
    commentId: comment.id,
    data: { excerpt: comment.body.slice(0, EXCERPT_LENGTH) },
    dedupeKey: `mention:${comment.id}`,
  })));
}

async function present(db: Db, rows: readonly repo.CommentListRow[]) {
  const names = await repo.userNames(db, unique(rows.flatMap((row) => row.mentionedUserIds)));
  return rows.map((row) => presentComment(row, names));
}

/** The comments on a subject, newest first. */
export async function listComments({ db, scope, accountId, query }: Options & { accountId: string; query: TCommentListQuery }) {
  const subject = subjectOf(accountId, query.subjectType, query.subjectId);
  await assertAccountVisible(db, scope, accountId);
  const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor).id;
  const rows = await repo.listComments(db, scope, subject, { limit: query.limit, beforeId });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: await present(db, page), nextCursor: rows.length > query.limit && last ? encodeCursor("id", last.id) : null };
}

/** A new comment on a plan or a case names one that exists and belongs to the account in the path. */
async function assertSubjectOfAccount(tx: Db, scope: Scope, subject: repo.CommentSubject): Promise<void> {
  if (subject.subjectType === "account") return;
  const record = subject.subjectType === "plan" ? await findPlan(tx, scope, subject.subjectId) : await findCase(tx, scope, subject.subjectId);
  if (record?.accountId !== subject.accountId) throw invalid("subjectId", `There is no such ${subject.subjectType} on this account`);
}

export async function createComment({ db, scope, accountId, input }: Options & { accountId: string; input: TCreateCommentRequest }) {
  const subject = subjectOf(accountId, input.subjectType, input.subjectId);
  return db.transaction(async (tx) => {
    await assertAccountVisible(tx, scope, accountId);
    assertCanWrite(scope);
    await assertSubjectOfAccount(tx, scope, subject);
    const mentionedUserIds = unique(input.mentionedUserIds);
    const members = await checkMentions(tx, scope, accountId, mentionedUserIds);
    const row = await repo.insertComment(tx, scope, { id: newId(), ...subject, authorUserId: scope.userId!, body: input.body, mentionedUserIds });
    await recordAudit(tx, scope, { action: "create", entityType: AUDIT_TYPE, entityId: row.id, after: auditedComment(row) });
    await notifyMentions(tx, scope, row, members);
    const [author] = await repo.membersSeeing(tx, scope, accountId, [row.authorUserId]);
    const [comment] = await present(tx, [{ ...row, authorName: author?.name ?? "" }]);
    return comment!;
  });
}

/** Only the author edits; people newly mentioned are told, those mentioned before are not told again. */
export async function updateComment({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateCommentRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findCommentForUpdate(tx, scope, id);
    if (!current) throw notFound("Comment");
    assertCanEdit(scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, (await present(tx, [current]))[0]);
    const mentionedUserIds = input.mentionedUserIds === undefined ? current.mentionedUserIds : unique(input.mentionedUserIds);
    const members = await checkMentions(tx, scope, current.accountId, mentionedUserIds);
    const row = await repo.updateComment(tx, scope, id, expected.version, { body: input.body, mentionedUserIds });
    if (!row) throw staleVersion(expected, (await present(tx, [current]))[0]);
    await recordAudit(tx, scope, { action: "update", entityType: AUDIT_TYPE, entityId: id, before: auditedComment(current), after: auditedComment(row) });
    const added = new Set(mentionedUserIds.filter((userId) => !current.mentionedUserIds.includes(userId)));
    await notifyMentions(tx, scope, row, members, added);
    const [comment] = await present(tx, [{ ...row, authorName: current.authorName }]);
    return comment!;
  });
}

export async function deleteComment({ db, scope, id, expected }: Options & { id: string; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findCommentForUpdate(tx, scope, id);
    if (!current) throw notFound("Comment");
    assertCanDelete(scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, (await present(tx, [current]))[0]);
    await repo.deleteComment(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: AUDIT_TYPE, entityId: id, before: auditedComment(current) });
  });
}

/** Who can be mentioned on an account's comments: active members, those who would be told first. */
export async function listMentionable({ db, scope, accountId, q }: Options & { accountId: string; q?: string }) {
  await assertAccountVisible(db, scope, accountId);
  const members = await repo.searchMentionable(db, scope, accountId, q, MENTIONABLE_LIMIT);
  return { items: members.map((m) => ({ id: m.userId, name: m.name, email: m.email, canSeeAccount: m.canSeeAccount })) };
}
