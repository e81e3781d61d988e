import { accounts, accountTeamMembers, byNameKey, memberships, tasks, users, type Db } from "@openkam/db";
import type { AccountStatus, AccountTier, OrgRole, TeamRole } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";
import { CLOSED_STATUSES } from "../tasks/tasks.repository";
import { BY_ACCOUNT_NAME } from "../accounts/account-order";

export interface MemberLoadRow {
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
  openTasks: number;
}

/** The active members with their open tasks, in one statement. */
export async function listMembersWithOpenTasks(db: Db, scope: Scope): Promise<MemberLoadRow[]> {
  const closed = sql.join(CLOSED_STATUSES.map((s) => sql`${s}`), sql`, `);
  const rows = await db.rows<Omit<MemberLoadRow, "openTasks"> & { openTasks: number | string }>(sql`
    select ${users.id} as "userId", ${users.name} as "name", ${users.email} as "email", ${memberships.role} as "role",
      (select count(*) from ${tasks} where ${tasks.orgId} = ${memberships.orgId} and ${tasks.assigneeUserId} = ${users.id}
        and ${tasks.status} not in (${closed})) as "openTasks"
    from ${memberships}
    join ${users} on ${users.id} = ${memberships.userId}
    where ${inOrg(scope, memberships.orgId)} and ${memberships.isActive}
    order by ${byNameKey(users.nameKey)}, ${users.id}`);
  return rows.map((r) => ({ ...r, openTasks: Number(r.openTasks) }));
}

export interface TeamSeatRow {
  userId: string;
  accountId: string;
  name: string;
  tier: AccountTier;
  status: AccountStatus;
  teamRole: TeamRole;
  allocationPct: number;
}

/** Every seat on a live account's team, in one statement. */
export async function listTeamSeats(db: Db, scope: Scope): Promise<TeamSeatRow[]> {
  const t = accountTeamMembers;
  const rows = await db.rows<Omit<TeamSeatRow, "allocationPct"> & { allocationPct: number | string }>(sql`
    select ${t.userId} as "userId", ${t.accountId} as "accountId", ${accounts.name} as "name", ${accounts.tier} as "tier",
      ${accounts.status} as "status", ${t.teamRole} as "teamRole", ${t.allocationPct} as "allocationPct"
    from ${t}
    join ${accounts} on ${accounts.orgId} = ${t.orgId} and ${accounts.id} = ${t.accountId}
    where ${inOrg(scope, t.orgId)} and ${accounts.deletedAt} is null and ${visibleAccount(scope, t.accountId)}
    order by ${t.allocationPct} desc, ${BY_ACCOUNT_NAME}, ${t.accountId}`);
  return rows.map((r) => ({ ...r, allocationPct: Number(r.allocationPct) }));
}
