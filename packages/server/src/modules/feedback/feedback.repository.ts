import type { TListFeedbackQuery } from "@openkam/contracts";
import { accounts, cases, feedbackItems, feedbackTransitions, interactions, tasks, users, type Db } from "@openkam/db";
import { FEEDBACK_DEADLINE_DAYS } from "@openkam/domain";
import { and, asc, eq, getTableColumns, gte, ilike, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { alias, type PgUpdateSetSource } from "drizzle-orm/pg-core";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { likePattern } from "../accounts/accounts.repository";
import { visibleFeedback } from "./feedback.policy";

export type FeedbackRow = typeof feedbackItems.$inferSelect;
export type NewFeedbackRow = Omit<typeof feedbackItems.$inferInsert, "orgId">;
export type TransitionRow = typeof feedbackTransitions.$inferSelect;

const owners = alias(users, "feedback_owner");
const assignees = alias(users, "feedback_assignee");
const actors = alias(users, "feedback_actor");

function visible(scope: Scope): SQL {
  return and(inOrg(scope, feedbackItems.orgId), visibleFeedback(scope))!;
}

/** The deadline of the current state in SQL, from the same table of days as the domain's `feedbackDeadline`. */
const DEADLINE = sql.raw(`(case ${Object.entries(FEEDBACK_DEADLINE_DAYS)
  .flatMap(([severity, days]) => Object.entries(days).map(([status, n]) => `when feedback_items.severity = '${severity}' and feedback_items.status = '${status}' then ${Number(n)}`))
  .join(" ")} end)`);
export const overdueCondition = sql`(${feedbackItems.status} <> 'closed' and ${feedbackItems.statusChangedAt} + ${DEADLINE} * interval '1 day' < now())`;

const listColumns = {
  ...getTableColumns(feedbackItems),
  accountName: accounts.name,
  ownerName: owners.name,
  taskTitle: tasks.title,
  taskStatus: tasks.status,
  taskAssigneeUserId: tasks.assigneeUserId,
  taskAssigneeName: assignees.name,
  taskDueDate: tasks.dueDate,
  taskCompletedAt: tasks.completedAt,
};

function withJoins(db: Db) {
  return db.orm
    .select(listColumns)
    .from(feedbackItems)
    .innerJoin(accounts, and(eq(accounts.orgId, feedbackItems.orgId), eq(accounts.id, feedbackItems.accountId)))
    .leftJoin(owners, eq(owners.id, feedbackItems.ownerUserId))
    .leftJoin(tasks, and(eq(tasks.orgId, feedbackItems.orgId), eq(tasks.id, feedbackItems.taskId)))
    .leftJoin(assignees, eq(assignees.id, tasks.assigneeUserId));
}

export type FeedbackListRow = FeedbackRow & {
  accountName: string;
  ownerName: string | null;
  taskTitle: string | null;
  taskStatus: (typeof tasks.$inferSelect)["status"] | null;
  taskAssigneeUserId: string | null;
  taskAssigneeName: string | null;
  taskDueDate: string | null;
  taskCompletedAt: Date | null;
};

const NEWEST: SortKey = { expr: sql`${feedbackItems.createdAt}`, type: "timestamptz", desc: true };
const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** Newest first, limit+1 rows for the next-page cursor. */
export async function listFeedback(db: Db, scope: Scope, query: TListFeedbackQuery) {
  const statuses = asList(query.status);
  const severities = asList(query.severity);
  const rows = await db.orm
    .select({ ...listColumns, sortKey: sql<string>`(${NEWEST.expr})::text` })
    .from(feedbackItems)
    .innerJoin(accounts, and(eq(accounts.orgId, feedbackItems.orgId), eq(accounts.id, feedbackItems.accountId)))
    .leftJoin(owners, eq(owners.id, feedbackItems.ownerUserId))
    .leftJoin(tasks, and(eq(tasks.orgId, feedbackItems.orgId), eq(tasks.id, feedbackItems.taskId)))
    .leftJoin(assignees, eq(assignees.id, tasks.assigneeUserId))
    .where(and(
      visible(scope),
      // Feedback of an account in the recycle bin comes back with the account.
      isNull(accounts.deletedAt),
      query.accountId ? eq(feedbackItems.accountId, query.accountId) : undefined,
      statuses ? inArray(feedbackItems.status, statuses) : undefined,
      severities ? inArray(feedbackItems.severity, severities) : undefined,
      query.source ? eq(feedbackItems.source, query.source) : undefined,
      query.sourceId ? eq(feedbackItems.sourceId, query.sourceId) : undefined,
      query.ownerUserId ? eq(feedbackItems.ownerUserId, query.ownerUserId) : undefined,
      query.mine === true ? (scope.userId ? eq(feedbackItems.ownerUserId, scope.userId) : sql`false`) : undefined,
      query.overdue === true ? overdueCondition : query.overdue === false ? sql`not ${overdueCondition}` : undefined,
      query.q ? ilike(feedbackItems.title, likePattern(query.q)) : undefined,
      afterCursor(NEWEST, feedbackItems.id, query.cursor),
    ))
    .orderBy(...orderBy(NEWEST, feedbackItems.id))
    .limit(query.limit + 1);
  return rows;
}

export async function findFeedback(db: Db, scope: Scope, id: string): Promise<FeedbackListRow | undefined> {
  const [row] = await withJoins(db).where(and(visible(scope), eq(feedbackItems.id, id))).limit(1);
  return row as FeedbackListRow | undefined;
}

export async function findFeedbackForUpdate(tx: Db, scope: Scope, id: string): Promise<FeedbackRow | undefined> {
  const [row] = await tx.orm.select().from(feedbackItems).where(and(visible(scope), eq(feedbackItems.id, id))).limit(1).for("update");
  return row;
}

export async function insertFeedback(tx: Db, scope: Scope, values: NewFeedbackRow): Promise<FeedbackRow> {
  inOrg(scope, feedbackItems.orgId);
  const [row] = await tx.orm.insert(feedbackItems).values({ ...values, orgId: scope.orgId }).returning();
  return row!;
}

export async function updateFeedback(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: PgUpdateSetSource<typeof feedbackItems>): Promise<FeedbackRow | undefined> {
  const [row] = await tx.orm
    .update(feedbackItems)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${feedbackItems.version} + 1` })
    .where(and(inOrg(scope, feedbackItems.orgId), eq(feedbackItems.id, id), eq(feedbackItems.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteFeedback(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(feedbackItems).where(and(inOrg(scope, feedbackItems.orgId), eq(feedbackItems.id, id)));
}

export async function insertTransition(tx: Db, scope: Scope, values: Omit<typeof feedbackTransitions.$inferInsert, "orgId">): Promise<void> {
  inOrg(scope, feedbackTransitions.orgId);
  await tx.orm.insert(feedbackTransitions).values({ ...values, orgId: scope.orgId });
}

export async function listTransitions(db: Db, scope: Scope, feedbackIds: readonly string[]) {
  if (feedbackIds.length === 0) return [];
  return db.orm
    .select({ ...getTableColumns(feedbackTransitions), byName: actors.name })
    .from(feedbackTransitions)
    .leftJoin(actors, eq(actors.id, feedbackTransitions.byUserId))
    .where(and(inOrg(scope, feedbackTransitions.orgId), inArray(feedbackTransitions.feedbackId, [...feedbackIds])))
    .orderBy(asc(feedbackTransitions.at), asc(feedbackTransitions.id));
}

/** The account an interaction or a case belongs to (undefined when it is not in this organization). */
export async function sourceAccountId(db: Db, scope: Scope, source: "interaction" | "case", id: string): Promise<string | undefined> {
  const table = source === "interaction" ? interactions : cases;
  const [row] = await db.orm.select({ accountId: table.accountId }).from(table).where(and(inOrg(scope, table.orgId), eq(table.id, id))).limit(1);
  return row?.accountId;
}

/** The facts the metrics are computed from: items raised in [from, to) the caller sees. */
export async function metricFacts(db: Db, scope: Scope, filter: { accountId?: string; from: Date; to: Date }) {
  return db.orm
    .select({
      id: feedbackItems.id, status: feedbackItems.status, severity: feedbackItems.severity, createdAt: feedbackItems.createdAt,
      statusChangedAt: feedbackItems.statusChangedAt, closedAt: feedbackItems.closedAt,
    })
    .from(feedbackItems)
    .where(and(
      visible(scope),
      filter.accountId ? eq(feedbackItems.accountId, filter.accountId) : undefined,
      gte(feedbackItems.createdAt, filter.from),
      lt(feedbackItems.createdAt, filter.to),
    ));
}

/** Items of an account closed in [from, to), with their action and the latest note of how the customer was told. */
export async function closedInPeriod(db: Db, scope: Scope, accountId: string, from: Date, to: Date) {
  return db.orm
    .select({
      id: feedbackItems.id, title: feedbackItems.title, description: feedbackItems.description, category: feedbackItems.category, area: feedbackItems.area,
      severity: feedbackItems.severity, source: feedbackItems.source, createdAt: feedbackItems.createdAt, closedAt: feedbackItems.closedAt,
      actionTitle: tasks.title, actionDescription: tasks.description, actionDoneAt: tasks.completedAt,
      informNote: sql<string | null>`(select t.note from ${feedbackTransitions} t where t.org_id = ${feedbackItems.orgId} and t.feedback_id = ${feedbackItems.id} and t.to_status = 'informed' order by t.at desc, t.id desc limit 1)`,
    })
    .from(feedbackItems)
    .leftJoin(tasks, and(eq(tasks.orgId, feedbackItems.orgId), eq(tasks.id, feedbackItems.taskId)))
    .where(and(
      visible(scope), eq(feedbackItems.accountId, accountId), eq(feedbackItems.status, "closed"),
      gte(feedbackItems.closedAt, from), lt(feedbackItems.closedAt, to),
    ));
}
