import type { AnalysisScope } from "@openkam/domain";
import { seesAllAccounts } from "@openkam/domain";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** Running analyses and promoting accounts from them is for account managers, directors and admins. */
export function assertCanRunAnalyses(scope: Scope): void {
  if (scope.role !== "admin" && scope.role !== "director" && scope.role !== "account_manager") {
    throw forbidden("Only account managers, directors and admins can run analyses and promote accounts");
  }
}

/** Directors and admins analyse every account; an account manager's run covers the accounts they work on. */
export function runScopeOf(scope: Scope): AnalysisScope {
  return seesAllAccounts(scope.role) ? "organization" : "own_accounts";
}

/** The scope an own-accounts run executes with: the accounts its creator sees as an account manager. */
export function ownAccountsScope(orgId: string, userId: string): Scope {
  return Object.freeze({ orgId, userId, role: "account_manager" as const, tokenId: null });
}
