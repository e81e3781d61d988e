import { canAdministerOrg, seesAllAccounts } from "@openkam/domain";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** Directors see who is in the organization (to staff account teams); admins manage it. */
export function assertCanListUsers(scope: Scope): void {
  if (!seesAllAccounts(scope.role)) throw forbidden("Only directors and admins can see the member list");
}

export function assertCanManageUsers(scope: Scope): void {
  if (!canAdministerOrg(scope.role)) throw forbidden("Only admins can add members or change their roles");
}

/**
 * Whether a change takes away an active admin: a demotion or deactivation of
 * someone who is an active admin now.
 */
export function removesActiveAdmin(current: { role: string; isActive: boolean }, next: { role: string; isActive: boolean }): boolean {
  return current.role === "admin" && current.isActive && (next.role !== "admin" || !next.isActive);
}
