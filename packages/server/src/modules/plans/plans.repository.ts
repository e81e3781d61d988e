import { accountPlans, accountPlanVersions, accounts, users, type Db } from "@openkam/db";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export type PlanRow = typeof accountPlans.$inferSelect;
export type NewPlanRow = typeof accountPlans.$inferInsert;
export type PlanVersionRow = typeof accountPlanVersions.$inferSelect;

/** A plan follows its account: visible when the account is, gone when the account is deleted. */
function visiblePlan(scope: Scope) {
  return and(
    inOrg(scope, accountPlans.orgId),
    visibleAccount(scope, accountPlans.accountId),
    sql`exists (select 1 from ${accounts} a where a.org_id = ${accountPlans.orgId} and a.id = ${accountPlans.accountId} and a.deleted_at is null)`,
  );
}

export async function listPlans(db: Db, scope: Scope, accountId: string): Promise<PlanRow[]> {
  return db.orm.select().from(accountPlans)
    .where(and(visiblePlan(scope), eq(accountPlans.accountId, accountId)))
    .orderBy(desc(accountPlans.periodStart), desc(accountPlans.id))
    .limit(500);
}

export async function findPlan(db: Db, scope: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<PlanRow | undefined> {
  const query = db.orm.select().from(accountPlans).where(and(visiblePlan(scope), eq(accountPlans.id, id))).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function insertPlan(tx: Db, scope: Scope, values: Omit<NewPlanRow, "orgId">): Promise<PlanRow> {
  inOrg(scope, accountPlans.orgId);
  const [row] = await tx.orm.insert(accountPlans).values({ ...values, orgId: scope.orgId }).returning();
  return row!;
}

/** Applies the patch only if the row still has the expected version; undefined when stale. */
export async function updatePlan(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<NewPlanRow>): Promise<PlanRow | undefined> {
  const { orgId: _o, id: _i, version: _v, accountId: _a, ...safe } = patch;
  const [row] = await tx.orm
    .update(accountPlans)
    .set({ ...safe, version: sql`${accountPlans.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, accountPlans.orgId), eq(accountPlans.id, id), eq(accountPlans.version, expectedVersion)))
    .returning();
  return row;
}

export async function deletePlan(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(accountPlans).where(and(inOrg(scope, accountPlans.orgId), eq(accountPlans.id, id)));
}

/** Stores the plan as this save left it; the caller passes the row returned by the write. */
export async function insertVersion(tx: Db, scope: Scope, row: PlanRow, change: PlanVersionRow["change"]): Promise<void> {
  inOrg(scope, accountPlanVersions.orgId);
  await tx.orm.insert(accountPlanVersions).values({
    orgId: scope.orgId, planId: row.id, version: row.version, title: row.title, periodStart: row.periodStart, periodEnd: row.periodEnd,
    status: row.status, content: row.content, progress: row.progress, change, createdBy: scope.userId,
  });
}

const versionSummary = {
  version: accountPlanVersions.version,
  change: accountPlanVersions.change,
  status: accountPlanVersions.status,
  title: accountPlanVersions.title,
  progress: accountPlanVersions.progress,
  createdBy: accountPlanVersions.createdBy,
  createdByName: users.name,
  createdAt: accountPlanVersions.createdAt,
};

/** The caller has checked that the plan is visible. */
export async function listVersions(db: Db, scope: Scope, planId: string) {
  return db.orm.select(versionSummary).from(accountPlanVersions)
    .leftJoin(users, eq(users.id, accountPlanVersions.createdBy))
    .where(and(inOrg(scope, accountPlanVersions.orgId), eq(accountPlanVersions.planId, planId)))
    .orderBy(desc(accountPlanVersions.version))
    .limit(1000);
}

export async function findVersion(db: Db, scope: Scope, planId: string, version: number) {
  const [row] = await db.orm.select({ ...versionSummary, planId: accountPlanVersions.planId, periodStart: accountPlanVersions.periodStart, periodEnd: accountPlanVersions.periodEnd, content: accountPlanVersions.content })
    .from(accountPlanVersions)
    .leftJoin(users, eq(users.id, accountPlanVersions.createdBy))
    .where(and(inOrg(scope, accountPlanVersions.orgId), eq(accountPlanVersions.planId, planId), eq(accountPlanVersions.version, version)))
    .limit(1);
  return row;
}

/** Names for the PDF: the account and the people named as action owners. */
export async function findAccountName(db: Db, scope: Scope, accountId: string): Promise<string | undefined> {
  const [row] = await db.orm.select({ name: accounts.name }).from(accounts)
    .where(and(inOrg(scope, accounts.orgId), eq(accounts.id, accountId), isNull(accounts.deletedAt))).limit(1);
  return row?.name;
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.orm.select({ id: users.id, name: users.name }).from(users)
    .where(sql`${users.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`).orderBy(asc(users.id));
  return new Map(rows.map((r) => [r.id, r.name]));
}
