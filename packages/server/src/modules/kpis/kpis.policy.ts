import { seesAllAccounts } from "@openkam/domain";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** A manager's scorecard is theirs and their director's: account managers and members see only their own. */
export function assertCanSeeManager(scope: Scope, userId: string): void {
  if (!seesAllAccounts(scope.role) && scope.userId !== userId) throw forbidden("You can see your own manager scorecard; directors and admins see everyone's");
}

/** The scorecard configuration commits the organization: directors and admins set it, everyone reads it. */
export function assertCanConfigureScorecard(scope: Scope): void {
  if (!seesAllAccounts(scope.role)) throw forbidden("Only directors and admins can change the scorecard configuration");
}
