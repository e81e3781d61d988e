import { accountTeamMembers, byNameKey, users, type Db } from "@openkam/db";
import { and, asc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type TeamMemberRow = typeof accountTeamMembers.$inferSelect;
export type TeamMemberView = TeamMemberRow & { userName: string; userEmail: string };

const ROLE_RANK = sql`(case ${accountTeamMembers.teamRole} when 'kam_lead' then 1 when 'executive_sponsor' then 2 when 'sales' then 3
  when 'product' then 4 when 'marketing' then 5 else 6 end)`;

function member(scope: Scope, accountId: string, userId?: string): SQL {
  return and(
    inOrg(scope, accountTeamMembers.orgId),
    eq(accountTeamMembers.accountId, accountId),
    userId === undefined ? undefined : eq(accountTeamMembers.userId, userId),
  )!;
}

function selectView(db: Db) {
  return db.orm
    .select({ ...getTableColumns(accountTeamMembers), userName: users.name, userEmail: users.email })
    .from(accountTeamMembers)
    .innerJoin(users, eq(users.id, accountTeamMembers.userId));
}

/** The team of an account, lead first; the caller has checked that the account is visible. */
export async function listTeam(db: Db, scope: Scope, accountId: string): Promise<TeamMemberView[]> {
  return selectView(db).where(member(scope, accountId)).orderBy(ROLE_RANK, asc(byNameKey(users.nameKey)), asc(accountTeamMembers.userId));
}

export async function findTeamMember(db: Db, scope: Scope, accountId: string, userId: string): Promise<TeamMemberView | undefined> {
  const [row] = await selectView(db).where(member(scope, accountId, userId)).limit(1);
  return row;
}

/** Locks the membership row for the rest of the transaction. */
export async function findTeamMemberForUpdate(tx: Db, scope: Scope, accountId: string, userId: string): Promise<TeamMemberView | undefined> {
  const [row] = await selectView(tx).where(member(scope, accountId, userId)).limit(1).for("update", { of: accountTeamMembers });
  return row;
}

/** Inserts a member; false when someone added the same user at the same moment. */
export async function insertTeamMember(tx: Db, scope: Scope, values: { accountId: string; userId: string; teamRole: TeamMemberRow["teamRole"]; allocationPct: number }): Promise<boolean> {
  inOrg(scope, accountTeamMembers.orgId);
  const rows = await tx.orm.insert(accountTeamMembers).values({ ...values, orgId: scope.orgId }).onConflictDoNothing().returning({ userId: accountTeamMembers.userId });
  return rows.length > 0;
}

/** Call with the row locked (findTeamMemberForUpdate), so the version read is still current. */
export async function updateTeamMember(tx: Db, scope: Scope, accountId: string, userId: string, patch: { teamRole: TeamMemberRow["teamRole"]; allocationPct: number }): Promise<void> {
  await tx.orm
    .update(accountTeamMembers)
    .set({ ...patch, version: sql`${accountTeamMembers.version} + 1`, updatedAt: sql`now()` })
    .where(member(scope, accountId, userId));
}

export async function deleteTeamMember(tx: Db, scope: Scope, accountId: string, userId: string): Promise<void> {
  await tx.orm.delete(accountTeamMembers).where(member(scope, accountId, userId));
}
