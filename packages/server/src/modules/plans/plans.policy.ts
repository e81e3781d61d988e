import { canApprovePlans } from "@openkam/domain/plans/index";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/**
 * Who edits a plan: anyone but a viewer on an account they see (the account team, its owner,
 * directors and admins, see `visibleAccount`). Only directors and admins decide on approval.
 */
export { assertCanWrite } from "../accounts/accounts.policy";

export function assertCanApprove(scope: Scope): void {
  if (!canApprovePlans(scope.role)) throw forbidden("Only directors and admins can approve plans or request changes");
}
