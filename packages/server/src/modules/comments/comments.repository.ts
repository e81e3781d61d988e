import { accounts, accountTeamMembers, byNameKey, comments, memberships, users, type Db } from "@openkam/db";
import type { OrgRole } from "@openkam/domain";
import { and, asc, desc, eq, ilike, inArray, lt, or, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export type CommentRow = typeof comments.$inferSelect;
export type CommentListRow = CommentRow & { authorName: string };

export interface CommentSubject {
  accountId: string;
  subjectType: CommentRow["subjectType"];
  subjectId: string;
}

export async function listComments(db: Db, scope: Scope, subject: CommentSubject, page: { limit: number; beforeId?: string }): Promise<CommentListRow[]> {
  return db.orm
    .select({ comment: comments, authorName: users.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorUserId))
    .where(and(
      inOrg(scope, comments.orgId),
      eq(comments.accountId, subject.accountId),
      eq(comments.subjectType, subject.subjectType),
      eq(comments.subjectId, subject.subjectId),
      visibleAccount(scope, comments.accountId),
      page.beforeId ? lt(comments.id, page.beforeId) : undefined,
    ))
    .orderBy(desc(comments.id))
    .limit(page.limit + 1)
    .then((rows) => rows.map((row) => ({ ...row.comment, authorName: row.authorName })));
}

/** A comment on an account the scope sees (deleted accounts' comments are out of reach), locked for the transaction. */
export async function findCommentForUpdate(tx: Db, scope: Scope, id: string): Promise<CommentListRow | undefined> {
  const [row] = await tx.orm
    .select({ comment: comments, authorName: users.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorUserId))
    .innerJoin(accounts, and(eq(accounts.orgId, comments.orgId), eq(accounts.id, comments.accountId)))
    .where(and(inOrg(scope, comments.orgId), eq(comments.id, id), sql`${accounts.deletedAt} is null`, visibleAccount(scope, comments.accountId)))
    .limit(1)
    .for("update", { of: comments });
  return row ? { ...row.comment, authorName: row.authorName } : undefined;
}

export async function insertComment(tx: Db, scope: Scope, values: Omit<typeof comments.$inferInsert, "orgId">): Promise<CommentRow> {
  inOrg(scope, comments.orgId);
  const [row] = await tx.orm.insert(comments).values({ ...values, orgId: scope.orgId }).returning();
  return row!;
}

/** Undefined when the version is stale. */
export async function updateComment(tx: Db, scope: Scope, id: string, expectedVersion: number, values: { body: string; mentionedUserIds: string[] }): Promise<CommentRow | undefined> {
  const [row] = await tx.orm
    .update(comments)
    .set({ ...values, editedAt: sql`now()`, version: sql`${comments.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, comments.orgId), eq(comments.id, id), eq(comments.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteComment(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(comments).where(and(inOrg(scope, comments.orgId), eq(comments.id, id)));
}

/** The names of users, for the mentions of a page of comments. */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.orm.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Whether someone with this role, on the team or owning the account, sees it; mirrors `visibleAccount`. */
const seesAccount = (accountId: string) => sql<boolean>`(${memberships.role} in ('admin', 'director')
  or exists (select 1 from ${accountTeamMembers} tm where tm.org_id = ${memberships.orgId} and tm.account_id = ${accountId} and tm.user_id = ${memberships.userId})
  or exists (select 1 from ${accounts} own where own.org_id = ${memberships.orgId} and own.id = ${accountId} and own.owner_user_id = ${memberships.userId}))`;

export interface MemberVisibility {
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
  canSeeAccount: boolean;
}

/** Active members among `userIds`, each with whether they see the account. */
export async function membersSeeing(db: Db, scope: Scope, accountId: string, userIds: readonly string[]): Promise<MemberVisibility[]> {
  if (userIds.length === 0) return [];
  return db.orm
    .select({ userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, canSeeAccount: seesAccount(accountId) })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inOrg(scope, memberships.orgId), inArray(memberships.userId, [...userIds]), eq(memberships.isActive, true), eq(users.isActive, true)));
}

/** Active members matching `q` (name or e-mail), those who see the account first. */
export async function searchMentionable(db: Db, scope: Scope, accountId: string, q: string | undefined, limit: number): Promise<MemberVisibility[]> {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db.orm
    .select({ userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, canSeeAccount: seesAccount(accountId) })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(
      inOrg(scope, memberships.orgId),
      eq(memberships.isActive, true),
      eq(users.isActive, true),
      pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    ))
    .orderBy(desc(seesAccount(accountId)), asc(byNameKey(users.nameKey)), asc(memberships.userId))
    .limit(limit);
}
