import { accounts, accountTeamMembers } from "@openkam/db";
import { canWrite, seesAllAccounts } from "@openkam/domain";
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/**
 * Who sees which accounts: admins and directors see all accounts of their
 * organization; everyone else sees the accounts whose team they are on, or
 * that they own. Records hanging off an account (contacts, orders,
 * interactions, ...) follow their account: pass that record's account id column.
 */
export function visibleAccount(scope: Scope, accountIdColumn: PgColumn | SQL = accounts.id): SQL {
  if (seesAllAccounts(scope.role) || scope.userId === null) return sql`true`;
  // On the accounts table itself the owner is a column of the row: no second lookup needed.
  // "is not distinct from" keeps the condition true/false (never null) so callers may negate it.
  const owns = accountIdColumn === accounts.id
    ? sql`${accounts.ownerUserId} is not distinct from ${scope.userId}`
    : sql`exists (select 1 from ${accounts} own where own.org_id = ${scope.orgId} and own.id = ${accountIdColumn} and own.owner_user_id = ${scope.userId})`;
  return sql`(exists (select 1 from ${accountTeamMembers} tm where tm.org_id = ${scope.orgId} and tm.account_id = ${accountIdColumn} and tm.user_id = ${scope.userId})
    or ${owns})`;
}

export function assertCanWrite(scope: Scope): void {
  if (!canWrite(scope.role)) throw forbidden("Viewers cannot make changes");
}

/** Creating, deleting and restoring accounts is for account managers and up. */
export function assertCanManageAccounts(scope: Scope): void {
  if (scope.role === "viewer" || scope.role === "member") throw forbidden("Only account managers, directors and admins can create or delete accounts");
}

/** Only directors and admins reassign ownership or put accounts in the key tiers. */
export function assertCanChangeOwnershipOrTier(scope: Scope, patch: { ownerUserId?: unknown; tier?: unknown }, current?: { ownerUserId: string | null; tier: string }): void {
  if (seesAllAccounts(scope.role)) return;
  const ownerChanged = patch.ownerUserId !== undefined && patch.ownerUserId !== (current?.ownerUserId ?? null) && patch.ownerUserId !== scope.userId;
  const tierChanged = patch.tier !== undefined && patch.tier !== (current?.tier ?? "standard") && (patch.tier === "strategic" || patch.tier === "key" || current?.tier === "strategic" || current?.tier === "key");
  if (ownerChanged) throw forbidden("Only directors and admins can give an account to someone else");
  if (tierChanged) throw forbidden("Only directors and admins can move accounts into or out of the strategic and key tiers");
}
