import { canAdministerOrg, roleAtMost, type OrgRole } from "@openkam/domain";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** Admins see and revoke every token of the organization; everyone else only their own. */
export function tokenOwnerFilter(scope: Scope): string | null {
  return canAdministerOrg(scope.role) ? null : scope.userId;
}

/**
 * Tokens are made by a signed-in person, never by another token: a token
 * could otherwise outlive its own expiry or revocation through its children.
 * A token never carries more power than its maker.
 */
export function assertCanCreateToken(scope: Scope, role: OrgRole): void {
  if (scope.tokenId) throw forbidden("API tokens cannot create API tokens; sign in to create one");
  if (!scope.userId) throw forbidden("Only a signed-in person can create API tokens");
  if (!roleAtMost(role, scope.role)) throw forbidden("A token cannot have a higher role than yours");
}
