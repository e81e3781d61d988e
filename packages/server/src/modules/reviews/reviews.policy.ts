import { seesAllAccounts } from "@openkam/domain";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** Reviews judge the relationship and the people in it: directors and admins start, close and configure them. */
export function assertCanManageReviews(scope: Scope): void {
  if (!seesAllAccounts(scope.role)) throw forbidden("Only directors and admins can start, close and configure 360° reviews");
}

export const canManageReviews = (scope: Scope) => seesAllAccounts(scope.role);
