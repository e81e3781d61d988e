import type { OrgRole } from "../enums/index";

/** Directors and admins see every account of their organization; others only the accounts whose team they are on. */
export function seesAllAccounts(role: OrgRole): boolean {
  return role === "admin" || role === "director";
}

/** Viewers read; everyone else may write within what they can see. */
export function canWrite(role: OrgRole): boolean {
  return role !== "viewer";
}

/**
 * Who staffs an account (adds, changes, removes team members): account managers,
 * directors and admins. Members and viewers work on a team but do not compose it.
 */
export function canManageTeam(role: OrgRole): boolean {
  return role === "admin" || role === "director" || role === "account_manager";
}

/** Organization settings, users and API tokens are admin business. */
export function canAdministerOrg(role: OrgRole): boolean {
  return role === "admin";
}

const RANK: Record<OrgRole, number> = { viewer: 0, member: 1, account_manager: 2, director: 3, admin: 4 };

/** An API token may not carry more power than the user who made it. */
export function roleAtMost(wanted: OrgRole, ceiling: OrgRole): boolean {
  return RANK[wanted] <= RANK[ceiling];
}
