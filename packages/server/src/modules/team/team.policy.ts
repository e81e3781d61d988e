import { canManageTeam } from "@openkam/domain/access/roles";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/**
 * Who staffs an account: directors and admins anywhere, account managers on
 * the accounts they can see (the caller checks visibility). Members and
 * viewers work on a team but do not compose it.
 */
export function assertCanManageTeam(scope: Scope): void {
  if (!canManageTeam(scope.role)) {
    throw forbidden("Only account managers, directors and admins can change an account team");
  }
}
