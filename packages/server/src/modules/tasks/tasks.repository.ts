import type { TListTasksQuery } from "@openkam/contracts";
import { organizations, tasks, type Db } from "@openkam/db";
import { and, eq, getTableColumns, ilike, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { likePattern } from "../accounts/accounts.repository";
import { visibleTask } from "./tasks.policy";

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;

export const CLOSED_STATUSES: Array<TaskRow["status"]> = ["done", "cancelled"];

/** Today in the organization's time zone: a task due today is not overdue anywhere in the world until the org's day ends. */
export function orgToday(scope: Scope): SQL {
  return sql`(select (now() at time zone o.timezone)::date from ${organizations} o where o.id = ${scope.orgId})`;
}

const PRIORITY_RANK = sql`(case ${tasks.priority} when 'urgent' then 1 when 'high' then 2 when 'medium' then 3 else 4 end)`;

// Undated tasks come last in both directions; the cursor needs a non-null key.
const SORTS: Record<TListTasksQuery["sort"], SortKey> = {
  dueDate: { expr: sql`coalesce(${tasks.dueDate}, date '9999-12-31')`, type: "date", desc: false },
  "-dueDate": { expr: sql`coalesce(${tasks.dueDate}, date '0001-01-01')`, type: "date", desc: true },
  priority: { expr: PRIORITY_RANK, type: "int", desc: false },
  "-priority": { expr: PRIORITY_RANK, type: "int", desc: true },
  position: { expr: sql`${tasks.position}`, type: "numeric", desc: false },
  "-position": { expr: sql`${tasks.position}`, type: "numeric", desc: true },
  updatedAt: { expr: sql`${tasks.updatedAt}`, type: "timestamptz", desc: false },
  "-updatedAt": { expr: sql`${tasks.updatedAt}`, type: "timestamptz", desc: true },
};

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

function visible(scope: Scope): SQL {
  return and(inOrg(scope, tasks.orgId), visibleTask(scope))!;
}

export async function listTasks(db: Db, scope: Scope, query: TListTasksQuery) {
  const sort = SORTS[query.sort];
  const statuses = asList(query.status);
  const where = and(
    visible(scope),
    query.accountId ? eq(tasks.accountId, query.accountId) : undefined,
    query.assigneeUserId ? eq(tasks.assigneeUserId, query.assigneeUserId) : undefined,
    query.mine === true ? (scope.userId ? eq(tasks.assigneeUserId, scope.userId) : sql`false`) : undefined,
    statuses ? inArray(tasks.status, statuses) : undefined,
    query.sourceType ? eq(tasks.sourceType, query.sourceType) : undefined,
    query.sourceId ? eq(tasks.sourceId, query.sourceId) : undefined,
    query.overdue === true ? and(sql`${tasks.dueDate} < ${orgToday(scope)}`, notInArray(tasks.status, CLOSED_STATUSES)) : undefined,
    query.q ? ilike(tasks.title, likePattern(query.q)) : undefined,
    afterCursor(sort, tasks.id, query.cursor),
  );
  return db.orm
    .select({ ...getTableColumns(tasks), sortKey: sql<string>`(${sort.expr})::text` })
    .from(tasks)
    .where(where)
    .orderBy(...orderBy(sort, tasks.id))
    .limit(query.limit + 1);
}

export async function findTask(db: Db, scope: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<TaskRow | undefined> {
  const query = db.orm.select().from(tasks).where(and(visible(scope), eq(tasks.id, id))).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** Just after the last task of a board column. */
export async function nextPosition(db: Db, scope: Scope, status: TaskRow["status"]): Promise<number> {
  const [row] = await db.orm
    .select({ max: sql<number | null>`max(${tasks.position})` })
    .from(tasks)
    .where(and(inOrg(scope, tasks.orgId), eq(tasks.status, status)));
  return (row?.max === null || row?.max === undefined ? 0 : Number(row.max)) + 1;
}

export async function insertTask(tx: Db, scope: Scope, values: Omit<NewTaskRow, "orgId">): Promise<TaskRow> {
  inOrg(scope, tasks.orgId);
  const [row] = await tx.orm.insert(tasks).values({ ...values, orgId: scope.orgId }).returning();
  return row!;
}

/** Applies a patch only if the row still has the expected version; undefined when stale. */
export async function updateTask(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: PgUpdateSetSource<typeof tasks>): Promise<TaskRow | undefined> {
  const { orgId: _o, id: _i, version: _v, ...safe } = patch;
  const [row] = await tx.orm
    .update(tasks)
    .set({ ...safe, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, tasks.orgId), eq(tasks.id, id), eq(tasks.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteTask(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(tasks).where(and(inOrg(scope, tasks.orgId), eq(tasks.id, id)));
}
