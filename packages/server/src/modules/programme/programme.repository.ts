import { accountPlans, accounts, kamProgrammeAccounts, kamProgrammeGoals, kamProgrammes, orders, organizations, type Db } from "@openkam/db";
import { and, asc, count, eq, inArray, max, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";
import { BY_ACCOUNT_NAME } from "../accounts/account-order";

export type ProgrammeRow = typeof kamProgrammes.$inferSelect;
export type GoalRow = typeof kamProgrammeGoals.$inferSelect;

export async function findProgramme(db: Db, scope: Scope, options: { forUpdate?: boolean } = {}): Promise<ProgrammeRow | undefined> {
  const query = db.orm.select().from(kamProgrammes).where(inOrg(scope, kamProgrammes.orgId)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

type ProgrammeValues = Pick<ProgrammeRow, "name" | "description" | "startsOn">;

/** Undefined when someone else set the programme up at the same moment. */
export async function insertProgramme(tx: Db, scope: Scope, id: string, values: ProgrammeValues): Promise<ProgrammeRow | undefined> {
  inOrg(scope, kamProgrammes.orgId);
  const [row] = await tx.orm.insert(kamProgrammes).values({ orgId: scope.orgId, id, ...values }).onConflictDoNothing().returning();
  return row;
}

export async function updateProgramme(tx: Db, scope: Scope, id: string, expectedVersion: number, values: ProgrammeValues): Promise<ProgrammeRow | undefined> {
  const [row] = await tx.orm
    .update(kamProgrammes)
    .set({ ...values, version: sql`${kamProgrammes.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, kamProgrammes.orgId), eq(kamProgrammes.id, id), eq(kamProgrammes.version, expectedVersion)))
    .returning();
  return row;
}

export interface CohortAccountRow {
  accountId: string;
  name: string;
  tier: (typeof accounts.$inferSelect)["tier"];
  status: (typeof accounts.$inferSelect)["status"];
  ownerUserId: string | null;
  addedAt: Date;
}

/** The cohort's live accounts that the caller sees. */
export async function listCohort(db: Db, scope: Scope, programmeId: string): Promise<CohortAccountRow[]> {
  const a = kamProgrammeAccounts;
  return db.orm
    .select({ accountId: a.accountId, name: accounts.name, tier: accounts.tier, status: accounts.status, ownerUserId: accounts.ownerUserId, addedAt: a.createdAt })
    .from(a)
    .innerJoin(accounts, and(eq(accounts.orgId, a.orgId), eq(accounts.id, a.accountId)))
    .where(and(inOrg(scope, a.orgId), eq(a.programmeId, programmeId), sql`${accounts.deletedAt} is null`, visibleAccount(scope, a.accountId)))
    .orderBy(asc(BY_ACCOUNT_NAME), asc(a.accountId));
}

export async function countCohort(tx: Db, scope: Scope, programmeId: string): Promise<number> {
  const [row] = await tx.orm.select({ n: count() }).from(kamProgrammeAccounts)
    .where(and(inOrg(scope, kamProgrammeAccounts.orgId), eq(kamProgrammeAccounts.programmeId, programmeId)));
  return Number(row?.n ?? 0);
}

/** False when the account was already in the cohort. */
export async function insertCohortAccount(tx: Db, scope: Scope, programmeId: string, accountId: string): Promise<boolean> {
  inOrg(scope, kamProgrammeAccounts.orgId);
  const rows = await tx.orm.insert(kamProgrammeAccounts)
    .values({ orgId: scope.orgId, programmeId, accountId, addedBy: scope.userId })
    .onConflictDoNothing()
    .returning({ accountId: kamProgrammeAccounts.accountId });
  return rows.length > 0;
}

/** False when the account was not in the cohort. */
export async function deleteCohortAccount(tx: Db, scope: Scope, programmeId: string, accountId: string): Promise<boolean> {
  const rows = await tx.orm.delete(kamProgrammeAccounts)
    .where(and(inOrg(scope, kamProgrammeAccounts.orgId), eq(kamProgrammeAccounts.programmeId, programmeId), eq(kamProgrammeAccounts.accountId, accountId)))
    .returning({ accountId: kamProgrammeAccounts.accountId });
  return rows.length > 0;
}

export async function organizationCurrency(db: Db, scope: Scope): Promise<string> {
  inOrg(scope, kamProgrammes.orgId);
  const [row] = await db.orm.select({ currency: organizations.defaultCurrency }).from(organizations).where(eq(organizations.id, scope.orgId)).limit(1);
  return row?.currency ?? "CNY";
}

export interface CohortRevenueRow {
  accountId: string;
  recent: string;
  previous: string;
}

/**
 * Confirmed live orders of the accounts in one currency: the last 12 months and the 12 before,
 * per account, in one statement.
 */
export async function cohortRevenue(db: Db, scope: Scope, accountIds: readonly string[], currency: string): Promise<CohortRevenueRow[]> {
  if (accountIds.length === 0) return [];
  const ids = sql.join(accountIds.map((id) => sql`${id}`), sql`, `);
  return db.rows<CohortRevenueRow>(sql`
    select ${orders.accountId} as "accountId",
      coalesce(sum(${orders.amount}) filter (where ${orders.orderDate} > (current_date - interval '12 months')), 0)::text as "recent",
      coalesce(sum(${orders.amount}) filter (where ${orders.orderDate} <= (current_date - interval '12 months')), 0)::text as "previous"
    from ${orders}
    where ${inOrg(scope, orders.orgId)} and ${orders.accountId} in (${ids}) and ${orders.currency} = ${currency}
      and ${orders.status} = 'confirmed' and ${orders.deletedAt} is null
      and ${orders.orderDate} > (current_date - interval '24 months') and ${orders.orderDate} <= current_date
    group by ${orders.accountId}`);
}

/** The accounts among these with a plan approved for a period that has not ended. */
export async function accountsWithApprovedPlan(db: Db, scope: Scope, accountIds: readonly string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db.orm
    .selectDistinct({ accountId: accountPlans.accountId })
    .from(accountPlans)
    .where(and(inOrg(scope, accountPlans.orgId), inArray(accountPlans.accountId, [...accountIds]), sql`${accountPlans.approvedVersion} is not null`,
      sql`${accountPlans.periodEnd} >= current_date`));
  return new Set(rows.map((r) => r.accountId));
}

export async function listGoals(db: Db, scope: Scope, programmeId: string): Promise<GoalRow[]> {
  return db.orm.select().from(kamProgrammeGoals)
    .where(and(inOrg(scope, kamProgrammeGoals.orgId), eq(kamProgrammeGoals.programmeId, programmeId)))
    .orderBy(asc(kamProgrammeGoals.position), asc(kamProgrammeGoals.id));
}

export async function findGoalForUpdate(tx: Db, scope: Scope, id: string): Promise<GoalRow | undefined> {
  const [row] = await tx.orm.select().from(kamProgrammeGoals).where(and(inOrg(scope, kamProgrammeGoals.orgId), eq(kamProgrammeGoals.id, id))).limit(1).for("update");
  return row;
}

export async function nextGoalPosition(tx: Db, scope: Scope, programmeId: string): Promise<number> {
  const [row] = await tx.orm.select({ top: max(kamProgrammeGoals.position) }).from(kamProgrammeGoals)
    .where(and(inOrg(scope, kamProgrammeGoals.orgId), eq(kamProgrammeGoals.programmeId, programmeId)));
  return row?.top === null || row?.top === undefined ? 0 : Number(row.top) + 1;
}

export async function insertGoal(tx: Db, scope: Scope, values: Omit<typeof kamProgrammeGoals.$inferInsert, "orgId">): Promise<GoalRow> {
  inOrg(scope, kamProgrammeGoals.orgId);
  const [row] = await tx.orm.insert(kamProgrammeGoals).values({ ...values, orgId: scope.orgId }).returning();
  return row!;
}

export async function updateGoal(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<Pick<GoalRow, "title" | "target" | "manualValue" | "unit" | "position">>): Promise<GoalRow | undefined> {
  const [row] = await tx.orm
    .update(kamProgrammeGoals)
    .set({ ...patch, version: sql`${kamProgrammeGoals.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, kamProgrammeGoals.orgId), eq(kamProgrammeGoals.id, id), eq(kamProgrammeGoals.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteGoal(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(kamProgrammeGoals).where(and(inOrg(scope, kamProgrammeGoals.orgId), eq(kamProgrammeGoals.id, id)));
}
